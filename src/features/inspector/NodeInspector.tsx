import { Suspense, useCallback, useId, useMemo, type CSSProperties } from 'react';
import { KINDS, type ParamSpec, type Text } from '../../core/model';
import { useT } from '../../i18n';
import { useTopologyStore } from '../../state/topologyStore';
import { ConnectControl } from '../keyboard/ConnectControl';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { Icon } from '../../ui/Icon';
import { lazyPanel } from '../../ui/lazyPanel';
import { Loading } from '../../ui/Loading';
import { Field } from './Field';
import { describedBy, inputClass } from './fields';
import { ParamField } from './ParamField';
import { useDraft } from './useDraft';

// The scale-out actions and live panels load with the first selected node, not with the page.
const MechanicsPanel = lazyPanel(() => import('../mechanics/MechanicsPanel'), 'MechanicsPanel');

interface Group {
  title: Text | null;
  keys: string[];
}

/** Parameters in declaration order, gathered under their `group` (ungrouped ones first). */
function groupParams(params: Record<string, ParamSpec>): Group[] {
  const groups: Group[] = [{ title: null, keys: [] }];
  for (const [key, spec] of Object.entries(params)) {
    const title = spec.group ?? null;
    let g = groups.find((x) => (x.title?.en ?? null) === (title?.en ?? null));
    if (!g) groups.push((g = { title, keys: [] }));
    g.keys.push(key);
  }
  return groups.filter((g) => g.keys.length > 0);
}

/** Every setting of the selected node, generated from its kind's registry entry. */
export function NodeInspector({ nodeId }: { nodeId: string }) {
  const t = useT();
  const node = useTopologyStore((s) => s.doc.present.nodes.find((n) => n.id === nodeId));
  const groups = useMemo(() => (node ? groupParams(KINDS[node.kind].params) : []), [node]);
  if (!node) return null;
  const def = KINDS[node.kind];
  const params = node.params as Record<string, unknown>;
  return (
    <div className="flex flex-col gap-4" data-testid={`inspect-${node.id}`}>
      <header className="flex items-start gap-3">
        <span
          className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-surface-2 text-[var(--cat)]"
          style={{ '--cat': `var(--cat-${def.category})` } as CSSProperties}
        >
          <Icon path={def.icon} size={24} />
        </span>
        <div className="min-w-0">
          <h2 className="text-lg leading-tight font-semibold">{t.text(def.label)}</h2>
          <p className="font-mono text-xs text-muted">{t('inspector.id', { id: node.id })}</p>
        </div>
      </header>
      <p className="text-sm leading-snug text-muted">{t.text(def.description)}</p>
      <LabelField nodeId={node.id} label={node.label} />
      <ConnectControl nodeId={node.id} />
      <ErrorBoundary panel="layout.inspector">
        <Suspense fallback={<Loading />}>
          <MechanicsPanel nodeId={node.id} />
        </Suspense>
      </ErrorBoundary>
      {groups.map((g) => (
        <fieldset
          key={g.title?.en ?? ''}
          className="flex flex-col gap-3 border-t border-border pt-3"
        >
          <legend className="float-left mb-1 text-xs font-semibold tracking-wide text-muted uppercase">
            {g.title ? t.text(g.title) : t('inspector.general')}
          </legend>
          {g.keys.map((key) => (
            <ParamField
              key={key}
              nodeId={node.id}
              paramKey={key}
              spec={(def.params as Record<string, ParamSpec>)[key] as ParamSpec}
              value={params[key]}
            />
          ))}
        </fieldset>
      ))}
    </div>
  );
}

function LabelField({ nodeId, label }: { nodeId: string; label: string }) {
  const t = useT();
  const id = useId();
  const setLabel = useTopologyStore((s) => s.setLabel);
  const commit = useCallback(
    (text: string, mergeKey: string) => setLabel(nodeId, text, mergeKey),
    [setLabel, nodeId],
  );
  const draft = useDraft(label, commit);
  return (
    <Field id={id} label={t('inspector.label')} help={t('inspector.labelHelp')} error={draft.error}>
      <input
        id={id}
        data-testid="param-label"
        className={inputClass}
        value={draft.text}
        aria-invalid={draft.error ? true : undefined}
        aria-describedby={describedBy(id, true, !!draft.error)}
        onChange={(e) => draft.onChange(e.target.value)}
        onFocus={draft.onFocus}
        onBlur={draft.onBlur}
      />
    </Field>
  );
}
