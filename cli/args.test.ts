import { describe, expect, it } from 'vitest';
import { choiceFlag, integerFlag, parseArgs, parseNumber, type FlagSpec } from './args';

interface Opts {
  n?: number;
  mode?: 'a' | 'b';
  check: boolean;
}

const FLAGS: FlagSpec<Opts>[] = [
  {
    name: 'n',
    value: 'N',
    help: '',
    apply: (o, raw) => integerFlag(1, 10, 'n', (v) => (o.n = v))(raw),
  },
  {
    name: 'mode',
    value: 'a|b',
    help: '',
    apply: (o, raw) => choiceFlag(['a', 'b'] as const, (v) => (o.mode = v))(raw),
  },
  { name: 'check', help: '', apply: (o) => void (o.check = true) },
];

const parse = (argv: string[]) => {
  const opts: Opts = { check: false };
  return { result: parseArgs(argv, FLAGS, opts), opts };
};

describe('parseArgs', () => {
  it('reads values, switches and positionals in any order', () => {
    const { result, opts } = parse(['x.json', '--n', '3', '--check', '--mode=b']);
    expect(result).toEqual({ ok: true, positionals: ['x.json'] });
    expect(opts).toEqual({ n: 3, mode: 'b', check: true });
  });

  it('treats everything after -- as positionals', () => {
    expect(parse(['--', '--n', '-x']).result).toEqual({ ok: true, positionals: ['--n', '-x'] });
  });

  it.each([
    [['--nope'], 'unknown flag --nope'],
    [['-n', '3'], 'unknown flag -n'],
    [['--n'], '--n needs a value (N)'],
    [['--n', '--check'], '--n needs a value'],
    [['--n', 'x'], '--n must be n: a whole number from 1 to 10, got "x"'],
    [['--n', '11'], '--n must be n'],
    [['--n', '1', '--n', '2'], '--n is given more than once'],
    [['--mode', 'c'], '--mode must be one of a, b, got "c"'],
    [['--check=yes'], '--check takes no value'],
  ])('refuses %j with one message', (argv, message) => {
    const { result } = parse(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(message);
      expect(result.error).not.toContain('\n');
    }
  });
});

describe('parseNumber', () => {
  it.each([
    ['60', 60],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['1e2', 100],
    [' 7 ', 7],
  ])('reads %j', (raw, value) => expect(parseNumber(raw)).toBe(value));

  it.each(['', 'abc', '1x', '0x10', 'Infinity', 'NaN', '1/60', '--1'])(
    'refuses %j without fractions',
    (raw) => expect(parseNumber(raw)).toBeUndefined(),
  );

  it('reads fractions when allowed', () => {
    expect(parseNumber('1/60', true)).toBe(1 / 60);
    expect(parseNumber('1/0', true)).toBeUndefined();
    expect(parseNumber('1/2/3', true)).toBeUndefined();
    expect(parseNumber('/2', true)).toBeUndefined();
  });
});
