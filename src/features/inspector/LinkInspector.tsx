import { useCallback, useId } from 'react';
import type { Link } from '../../core/model';
import { useT } from '../../i18n';
import { useTopologyStore, type LinkField } from '../../state/topologyStore';
import { LinkControls } from '../mechanics/FailureControls';
import { Icon } from '../../ui/Icon';
import { Field } from './Field';
import { checkboxClass, describedBy, inputClass, parseNumber } from './fields';
import { useDraft } from './useDraft';

/** Settings of the selected link: latency (blank = AZ default), weight, cut; and delete. */
export function LinkInspector({ linkId }: { linkId: string }) {
  const t = useT();
  const link = useTopologyStore((s) => s.doc.present.links.find((l) => l.id === linkId));
  const nodes = useTopologyStore((s) => s.doc.present.nodes);
  const setLinkField = useTopologyStore((s) => s.setLinkField);
  const disconnect = useTopologyStore((s) => s.disconnect);
  const cutId = useId();
  if (!link) return null;
  const name = (id: string) => nodes.find((n) => n.id === id)?.label || id;
  return (
    <div className="flex flex-col gap-4" data-testid={`inspect-${link.id}`}>
      <header>
        <h2 className="text-lg leading-tight font-semibold">{t('link.title')}</h2>
        <p className="mt-0.5 text-[15px] break-words">
          {t('link.fromTo', { from: name(link.from), to: name(link.to) })}
        </p>
        <p className="font-mono text-xs text-muted">{t('inspector.id', { id: link.id })}</p>
      </header>
      <LinkNumber link={link} field="latencyMs" blankIsNull />
      <LinkNumber link={link} field="weight" />
      <Field id={cutId} label={t('link.cut')} help={t('link.cutHelp')} inline>
        <input
          id={cutId}
          type="checkbox"
          data-testid="param-cut"
          className={checkboxClass}
          checked={link.cut}
          aria-describedby={describedBy(cutId, true, false)}
          onChange={(e) => setLinkField(link.id, 'cut', e.target.checked)}
        />
      </Field>
      <button
        type="button"
        data-testid="delete-link"
        title={t('link.deleteHint')}
        onClick={() => disconnect([link.id])}
        className="inline-flex items-center justify-center gap-2 self-start rounded-md border border-border-strong px-3 py-1.5 text-sm font-medium text-danger hover:bg-danger-soft"
      >
        <Icon name="trash" size={16} />
        {t('link.delete')}
      </button>
      <LinkControls link={link} />
    </div>
  );
}

function LinkNumber({
  link,
  field,
  blankIsNull,
}: {
  link: Link;
  field: Exclude<LinkField, 'cut'>;
  blankIsNull?: boolean;
}) {
  const t = useT();
  const id = useId();
  const setLinkField = useTopologyStore((s) => s.setLinkField);
  const value = link[field];
  const commit = useCallback(
    (text: string, mergeKey: string) =>
      setLinkField(
        link.id,
        field,
        blankIsNull && text.trim() === '' ? null : parseNumber(text),
        mergeKey,
      ),
    [setLinkField, link.id, field, blankIsNull],
  );
  const draft = useDraft(value === null ? '' : String(value), commit);
  const latency = field === 'latencyMs';
  return (
    <Field
      id={id}
      label={t(latency ? 'link.latency' : 'link.weight')}
      unit={latency ? t('unit.ms') : undefined}
      help={t(latency ? 'link.latencyHelp' : 'link.weightHelp')}
      error={draft.error}
    >
      <input
        id={id}
        data-testid={`param-${field}`}
        className={inputClass}
        type="number"
        inputMode="decimal"
        min={0}
        max={latency ? 10000 : 1000}
        step="any"
        placeholder={latency ? t('link.latencyDefault') : undefined}
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
