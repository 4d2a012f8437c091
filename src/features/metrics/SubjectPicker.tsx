import type { TopologyNode } from '../../core/model';
import { useT } from '../../i18n';
import { groupKey, type NodeGroup } from '../../state/alertsGroups';
import { GROUP_LABEL, SYSTEM } from './labels';

interface Props {
  value: string;
  onChange: (subject: string) => void;
  nodes: readonly TopologyNode[];
  groups: readonly NodeGroup[];
}

/** What the charts show: the whole system, a group of like nodes, or one node. */
export function SubjectPicker({ value, onChange, nodes, groups }: Props) {
  const t = useT();
  return (
    <label className="flex items-center gap-1.5 text-xs">
      <span className="text-muted">{t('monitor.subject')}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="chart-subject"
        className="max-w-56 rounded border border-border bg-surface px-1.5 py-1 text-xs"
      >
        <option value={SYSTEM}>{t('monitor.subject.system')}</option>
        {groups.length > 0 && (
          <optgroup label={t('monitor.subject.groups')}>
            {groups.map((g) => (
              <option key={g.id} value={groupKey(g.id)}>
                {t('monitor.subject.group', { group: t(GROUP_LABEL[g.id]), n: g.members.length })}
              </option>
            ))}
          </optgroup>
        )}
        {nodes.length > 0 && (
          <optgroup label={t('monitor.subject.nodes')}>
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label.trim() || n.id}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
