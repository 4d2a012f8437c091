/**
 * A small table-driven command-line parser: each flag is one row (name, value placeholder, help,
 * and how it applies to the options), so a command gains a flag by adding a row.
 * Errors are single lines naming the flag and what is wrong with it.
 */

/** One command-line flag. A flag without `value` is a switch (`--check`). */
export interface FlagSpec<O> {
  /** Long name without dashes: `seconds` for `--seconds`. */
  name: string;
  /** Placeholder of the value in the usage text (`N`); absent for switches. */
  value?: string;
  /** One line for `--help`. */
  help: string;
  /** Stores the value in `opts`; returns an error message (without the flag name) when it is bad. */
  apply(opts: O, raw: string): string | undefined;
}

export type ParsedArgs = { ok: true; positionals: string[] } | { ok: false; error: string };

/**
 * Parses `argv` (without the node and script paths) against a flag table, filling `opts`.
 * Accepts `--flag value` and `--flag=value`; `--` ends the flags. A flag given twice is an error,
 * so a script that sets `--seconds` twice learns about it instead of silently using one of them.
 * @example parseArgs(['a.json', '--seconds', '60'], FLAGS, opts) // { ok: true, positionals: ['a.json'] }
 */
export function parseArgs<O>(
  argv: readonly string[],
  flags: readonly FlagSpec<O>[],
  opts: O,
): ParsedArgs {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const seen = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--'))
      return { ok: false, error: `unknown flag ${arg} (flags are long: --seconds, --seed, ...)` };
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const flag = byName.get(name);
    if (!flag) return { ok: false, error: `unknown flag --${name} (see --help)` };
    if (seen.has(name)) return { ok: false, error: `--${name} is given more than once` };
    seen.add(name);
    let raw: string;
    if (flag.value === undefined) {
      if (eq >= 0) return { ok: false, error: `--${name} takes no value` };
      raw = '';
    } else if (eq >= 0) {
      raw = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        return { ok: false, error: `--${name} needs a value (${flag.value})` };
      raw = next;
      i++;
    }
    const problem = flag.apply(opts, raw);
    if (problem !== undefined) return { ok: false, error: `--${name} ${problem}` };
  }
  return { ok: true, positionals };
}

/** The flag lines of a usage text, aligned. */
export function flagHelp<O>(flags: readonly FlagSpec<O>[]): string {
  const heads = flags.map((f) => `--${f.name}${f.value ? ` ${f.value}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length));
  return flags.map((f, i) => `  ${(heads[i] ?? '').padEnd(width)}  ${f.help}`).join('\n');
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a number strictly: the whole string must be a decimal (or a fraction `a/b`, handy for
 * `--dt 1/60`). Returns undefined for anything else, including '', 'Infinity' and '0x10'.
 * @example parseNumber('1/60') // 0.016666666666666666
 */
export function parseNumber(raw: string, allowFraction = false): number | undefined {
  const s = raw.trim();
  if (DECIMAL.test(s)) return Number(s);
  if (!allowFraction) return undefined;
  const parts = s.split('/');
  if (parts.length !== 2) return undefined;
  const [a, b] = parts.map((p) => p.trim());
  if (!a || !b || !DECIMAL.test(a) || !DECIMAL.test(b)) return undefined;
  const q = Number(a) / Number(b);
  return Number.isFinite(q) ? q : undefined;
}

/** A flag applier for an integer in [min, max]. */
export function integerFlag(
  min: number,
  max: number,
  what: string,
  set: (v: number) => void,
): (raw: string) => string | undefined {
  return (raw) => {
    const v = parseNumber(raw);
    if (v === undefined || !Number.isInteger(v) || v < min || v > max)
      return `must be ${what}: a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`;
    set(v);
    return undefined;
  };
}

/** A flag applier for one of a fixed set of words. */
export function choiceFlag<T extends string>(
  choices: readonly T[],
  set: (v: T) => void,
): (raw: string) => string | undefined {
  return (raw) => {
    const v = choices.find((c) => c === raw);
    if (v === undefined) return `must be one of ${choices.join(', ')}, got ${JSON.stringify(raw)}`;
    set(v);
    return undefined;
  };
}
