import { useT, type MessageKey } from '../../i18n';
import type { Reason } from './explain';

interface FormulaProps {
  title: string;
  expr: string;
  /** The formula with the live numbers put in, one line per step. */
  lines: string[];
  /** The simulation's value, when it reports one. */
  kernel?: string;
  agrees?: boolean;
  note?: string;
  highlight?: boolean;
  testId?: string;
}

/** One formula with its live substitution and the simulation's value beside it. */
export function Formula({
  title,
  expr,
  lines,
  kernel,
  agrees,
  note,
  highlight,
  testId,
}: FormulaProps) {
  const t = useT();
  return (
    <section
      data-testid={testId}
      className={`rounded-md border p-2 ${highlight ? 'border-accent bg-accent-soft/40' : 'border-border'}`}
    >
      <h3 className="text-xs font-semibold text-muted">{title}</h3>
      <p className="font-mono text-[13px]">{expr}</p>
      {lines.map((line, i) => (
        <p key={i} className="font-mono text-[13px] tabular-nums">
          {line}
        </p>
      ))}
      {kernel !== undefined && (
        <p className="text-xs tabular-nums">
          {t('monitor.explain.kernel', { value: kernel })}{' '}
          <span className={agrees ? 'text-[#009E73]' : 'font-semibold text-warn'}>
            {agrees ? `✓ ${t('monitor.explain.agree')}` : `≠ ${t('monitor.explain.differ')}`}
          </span>
        </p>
      )}
      {note && <p className="text-xs text-muted">{note}</p>}
    </section>
  );
}

const REASON_TEXT: Record<Reason, MessageKey> = {
  down: 'monitor.reason.down',
  overload: 'monitor.reason.overload',
  warming: 'monitor.reason.warming',
  variability: 'monitor.reason.variability',
  transient: 'monitor.reason.transient',
  model: 'monitor.reason.model',
};

/** Why the formulas and the simulation differ, or that they agree. */
export function Verdict({ reasons, demandCv }: { reasons: Reason[]; demandCv: number }) {
  const t = useT();
  if (reasons.length === 0)
    return <p className="text-xs text-[#009E73]">{t('monitor.explain.allAgree')}</p>;
  return (
    <div className="text-xs" data-testid="explain-reasons">
      <p className="font-semibold">{t('monitor.explain.why')}</p>
      <ul className="list-disc pl-4">
        {reasons.map((r) => (
          <li key={r}>{t(REASON_TEXT[r], { cv: demandCv })}</li>
        ))}
      </ul>
    </div>
  );
}
