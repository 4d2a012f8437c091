/** Shared look, ARIA wiring and value helpers of inspector fields. */
import type { Unit } from '../../core/model';
import type { MessageKey, Translate } from '../../i18n';

/** Ids of a field's help and error texts, for `aria-describedby`. */
export const describedBy = (id: string, help: boolean, error: boolean) =>
  [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export const inputClass =
  'w-full min-w-0 rounded-md border border-border-strong bg-surface px-2.5 py-1.5 text-[15px] text-fg tabular-nums outline-none focus:border-accent focus:ring-2 focus:ring-accent/30 aria-invalid:border-danger aria-invalid:ring-2 aria-invalid:ring-danger/25';

export const checkboxClass = 'size-4.5 shrink-0 accent-[var(--accent)]';

/** An empty or malformed number input gives NaN, which the model refuses with "Enter a number". */
export const parseNumber = (text: string): number => (text.trim() === '' ? NaN : Number(text));

const UNIT_KEYS: Record<Unit, MessageKey> = {
  'req/s': 'unit.req/s',
  ms: 'unit.ms',
  s: 'unit.s',
  '%': 'unit.%',
  port: 'unit.port',
  count: 'unit.count',
  users: 'unit.users',
  ratio: 'unit.ratio',
  x: 'unit.x',
  none: 'unit.none',
};

/** The unit printed after a number field ('' for units the label already implies). */
export const unitLabel = (t: Translate, unit: Unit): string => t(UNIT_KEYS[unit]);
