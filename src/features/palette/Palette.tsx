import { useMemo, type CSSProperties, type DragEvent } from 'react';
import { KIND_IDS, KINDS, type KindCategory, type KindId } from '../../core/model';
import { useT, type MessageKey } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { KIND_MIME, useAddAtCentre } from '../canvas/addNodes';

const CATEGORIES: { id: KindCategory; key: MessageKey }[] = [
  { id: 'traffic', key: 'category.traffic' },
  { id: 'network', key: 'category.network' },
  { id: 'compute', key: 'category.compute' },
  { id: 'data', key: 'category.data' },
];

const onDragStart = (kind: KindId) => (e: DragEvent) => {
  e.dataTransfer.setData(KIND_MIME, kind);
  e.dataTransfer.effectAllowed = 'copy';
};

/**
 * Every kind in the registry, grouped by category. Drag one onto the canvas, or click / tap /
 * press Enter to add it at the centre of the view.
 */
export function Palette({ onAdded }: { onAdded?: (id: string) => void }) {
  const t = useT();
  const addAtCentre = useAddAtCentre();
  const groups = useMemo(
    () =>
      CATEGORIES.map((c) => ({ ...c, kinds: KIND_IDS.filter((k) => KINDS[k].category === c.id) })),
    [],
  );
  return (
    <nav aria-label={t('layout.palette')} data-testid="palette" className="flex flex-col gap-4 p-4">
      <p className="text-sm text-muted">{t('palette.hint')}</p>
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`palette-${g.id}`}>
          <h3
            id={`palette-${g.id}`}
            className="mb-1.5 text-xs font-semibold tracking-wide text-muted uppercase"
          >
            {t(g.key)}
          </h3>
          <ul className="flex flex-col gap-1.5">
            {g.kinds.map((kind) => {
              const def = KINDS[kind];
              const label = t.text(def.label);
              return (
                <li key={kind}>
                  <button
                    type="button"
                    draggable
                    data-testid={`palette-${kind}`}
                    title={t.text(def.description)}
                    aria-label={t('palette.add', { kind: label })}
                    onDragStart={onDragStart(kind)}
                    onClick={() => {
                      const id = addAtCentre(kind);
                      if (id) onAdded?.(id);
                    }}
                    style={{ '--cat': `var(--cat-${def.category})` } as CSSProperties}
                    className="flex w-full cursor-grab items-center gap-3 rounded-lg border border-border bg-surface px-2.5 py-2 text-left text-[15px] font-medium shadow-card transition-colors hover:border-[var(--cat)] hover:bg-surface-2 active:cursor-grabbing"
                  >
                    <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-[color-mix(in_srgb,var(--cat)_14%,transparent)] text-[var(--cat)]">
                      <Icon path={def.icon} size={20} />
                    </span>
                    <span className="min-w-0 truncate">{label}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
