/** Formatting of the goal's measured numbers in the learner's language. */
import type { GoalResult } from '../../core/scenarios';
import type { Translate } from '../../i18n';

/** "CPU peak 72 % · p95 41 ms · errors 0.2 % · $0.096/h", with the language's digits. */
export function measuredLine(t: Translate, m: GoalResult['measured']): string {
  const pct = (v: number) => t.num(v, { style: 'percent', maximumFractionDigits: 1 });
  return t('goal.measured', {
    cpu: pct(m.maxUtilization),
    p95: t.num(m.maxP95Ms, { maximumFractionDigits: 0 }),
    errors: pct(m.errorRatio),
    cost: t.usd(m.costPerHour),
  });
}

/** A 0..1 share as a whole percentage. */
export const percent = (t: Translate, v: number) =>
  t.num(v, { style: 'percent', maximumFractionDigits: 0 });
