import { useT, type MessageKey } from '../../i18n';
import type { RunComparison } from '../../state/compare';
import { formatClock } from '../playback/format';
import { formatDelta, type DeltaKind } from './compareFormat';

const ROWS: { kind: DeltaKind; label: MessageKey }[] = [
  { kind: 'p95', label: 'monitor.compare.p95Mean' },
  { kind: 'errorRate', label: 'monitor.compare.errorRate' },
  { kind: 'cost', label: 'monitor.compare.costAt' },
];

/** Current − pinned for p95 latency, error rate and cost, over the span both runs recorded. */
export function RunDeltas({ comparison }: { comparison: RunComparison }) {
  const t = useT();
  const span = formatClock(comparison.span);
  return (
    <div className="overflow-x-auto">
      <table className="text-sm tabular-nums" data-testid="compare-deltas">
        <caption className="text-left text-xs text-muted">
          {t('monitor.compare.span', { span })}
        </caption>
        <thead>
          <tr className="text-xs text-muted">
            <th scope="col" className="pr-4 text-left font-normal" />
            <th scope="col" className="px-2 text-right font-normal">
              {t('monitor.compare.current')}
            </th>
            <th scope="col" className="px-2 text-right font-normal">
              {t('monitor.compare.pinned')}
            </th>
            <th scope="col" className="px-2 text-right font-normal">
              {t('monitor.compare.difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ kind, label }) => {
            const d = comparison[kind];
            const f = formatDelta(kind, d);
            // Lower is better for all three, so an increase is the warning colour.
            const worse = f.direction > 0;
            return (
              <tr key={kind} data-testid={`delta-${kind}`}>
                <th scope="row" className="pr-4 text-left font-medium">
                  {t(label, { span })}
                </th>
                <td className="px-2 text-right">{f.current}</td>
                <td className="px-2 text-right">{f.pinned}</td>
                <td
                  className={`px-2 text-right font-semibold ${worse ? 'text-[#D55E00]' : f.direction < 0 ? 'text-[#009E73]' : ''}`}
                >
                  {f.diff} {f.ratio}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
