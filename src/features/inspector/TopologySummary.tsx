import { useCallback, useId } from 'react';
import { useT } from '../../i18n';
import { useTopology, useTopologyStore } from '../../state/topologyStore';
import { configuredCostPerHour } from './cost';
import { Field } from './Field';
import { describedBy, inputClass } from './fields';
import { useDraft } from './useDraft';

/** With nothing selected: the topology's name, its size and cost, and how to get going. */
export function TopologySummary() {
  const t = useT();
  const topo = useTopology();
  const id = useId();
  const setName = useTopologyStore((s) => s.setName);
  const commit = useCallback(
    (text: string, mergeKey: string) => setName(text, mergeKey),
    [setName],
  );
  const draft = useDraft(topo.name, commit);
  const stats: [string, string, string][] = [
    ['nodes', t('summary.nodes'), t.num(topo.nodes.length)],
    ['links', t('summary.links'), t.num(topo.links.length)],
    [
      'cost',
      t('summary.cost'),
      t('summary.costValue', { price: t.usd(configuredCostPerHour(topo)) }),
    ],
  ];
  return (
    <div className="flex flex-col gap-4" data-testid="inspect-topology">
      <Field id={id} label={t('summary.name')} error={draft.error}>
        <input
          id={id}
          data-testid="param-name"
          className={inputClass}
          value={draft.text}
          placeholder={t('summary.untitled')}
          aria-invalid={draft.error ? true : undefined}
          aria-describedby={describedBy(id, false, !!draft.error)}
          onChange={(e) => draft.onChange(e.target.value)}
          onFocus={draft.onFocus}
          onBlur={draft.onBlur}
        />
      </Field>
      <dl className="grid grid-cols-3 gap-2">
        {stats.map(([key, label, value]) => (
          <div key={key} className="rounded-lg border border-border bg-surface-2 px-2.5 py-2">
            <dt className="text-xs text-muted">{label}</dt>
            <dd data-testid={`summary-${key}`} className="text-lg font-semibold tabular-nums">
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <ul className="flex list-disc flex-col gap-2 pl-5 text-sm leading-snug text-muted">
        <li>{t('summary.hintSelect')}</li>
        <li>{t('summary.hintConnect')}</li>
        <li>{t('summary.hintMulti')}</li>
        <li>{t('summary.hintKeys')}</li>
      </ul>
    </div>
  );
}
