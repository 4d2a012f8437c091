/**
 * Share-link tool: `npm run topo -- encode <topology.json> [--base <url>] [--lesson <id>:<step>]`
 * prints a share link; `npm run topo -- decode <link>` prints the topology in a link as JSON.
 * Exit status: 0 done, 2 bad input or usage (one line on stderr). See docs/share-links.md.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  JSON_LIMITS,
  SHARE_GRID,
  decodeShare,
  decodeTopologyJson,
  describeError,
  encodeShare,
  encodeTopologyJson,
  type DecodeError,
  type ShareDoc,
} from '../src/core/codec';

export interface TopoIo {
  /** Reads a text file; throws a Node file-system error when it cannot. */
  readFile: (path: string) => string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT = { ok: 0, badInput: 2 } as const;

export const USAGE = `Usage: npm run topo -- <command> [options]

Commands:
  encode <topology.json>   print a share link for a topology file
    --base <url>           put the link after this page address (default: just "#v1...")
    --lang en|ko           language of error messages (default en)
    --lesson <id>:<step>   open this lesson step with the topology (e.g. split-tiers:3)
  decode <link>            print the topology in a share link as JSON
                           (a full URL, "#v1..." or "v1..."; quote it in the shell)
    --lang en|ko           language of error messages (default en)
  help                     show this text

Node positions are rounded to the ${SHARE_GRID} px grid in a link; everything else is kept exactly.
Exit status: 0 done, 2 bad input (one line on stderr).
`;

type Lang = 'en' | 'ko';

interface Parsed {
  command: string | undefined;
  operand: string | undefined;
  base: string | undefined;
  lesson: string | undefined;
  lang: Lang;
}

/** Folds a message onto one line (V8's JSON errors can quote text with newlines). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const usageError = (io: TopoIo, problem: string) => {
  io.stderr(`topo: ${problem}\n\n${USAGE}`);
  return EXIT.badInput;
};

const inputError = (io: TopoIo, problem: string) => {
  io.stderr(`topo: ${oneLine(problem)}\n`);
  return EXIT.badInput;
};

const decodeError = (io: TopoIo, error: DecodeError, lang: Lang) =>
  inputError(io, describeError(error, lang));

function parse(argv: readonly string[]): Parsed | string {
  const out: Parsed = {
    command: undefined,
    operand: undefined,
    base: undefined,
    lesson: undefined,
    lang: 'en',
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const [flag, inline] =
      arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === '--base' || flag === '--lesson' || flag === '--lang') {
      const value = inline ?? argv[++i];
      if (value === undefined) return `${flag} needs a value`;
      if (flag === '--base') out.base = value;
      else if (flag === '--lesson') out.lesson = value;
      else if (value === 'en' || value === 'ko') out.lang = value;
      else return `--lang must be en or ko, not "${value}"`;
    } else if (flag === '--help' || flag === '-h') {
      positional.unshift('help');
    } else if (flag.startsWith('--') && flag.length > 2) {
      return `unknown option ${flag}`;
    } else positional.push(arg);
  }
  [out.command, out.operand] = positional;
  if (positional.length > 2) return `unexpected argument "${positional[2]}"`;
  return out;
}

/** The page address with any old fragment removed, or an error. */
function baseOf(base: string): { ok: true; base: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return { ok: false, error: `--base "${base}" is not a URL (e.g. https://example.org/lab/)` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:')
    return { ok: false, error: `--base must be an http(s) or file URL, not ${url.protocol}` };
  const hash = base.indexOf('#');
  return { ok: true, base: hash >= 0 ? base.slice(0, hash) : base };
}

function lessonOf(
  text: string,
): { ok: true; id: string; step: number } | { ok: false; error: string } {
  const m = /^([^:]+):(\d{1,9})$/.exec(text);
  if (!m)
    return { ok: false, error: `--lesson must be <id>:<step>, like split-tiers:3 (got "${text}")` };
  return { ok: true, id: m[1]!, step: Number(m[2]) };
}

function encode(p: Parsed, io: TopoIo): number {
  if (!p.operand) return usageError(io, 'encode needs a topology file');
  const base = p.base === undefined ? { ok: true as const, base: '' } : baseOf(p.base);
  if (!base.ok) return inputError(io, base.error);
  const doc: Partial<ShareDoc> = {};
  if (p.lesson !== undefined) {
    const lesson = lessonOf(p.lesson);
    if (!lesson.ok) return inputError(io, lesson.error);
    doc.lesson = { id: lesson.id, step: lesson.step };
  }
  let text: string;
  try {
    text = io.readFile(p.operand);
  } catch (e) {
    return inputError(io, `cannot read ${p.operand}: ${fileError(e)}`);
  }
  const topology = decodeTopologyJson(text);
  if (!topology.ok) return decodeError(io, topology.error, p.lang);
  const link = encodeShare({ ...doc, topology: topology.value });
  // The link's own decoder checks what the flags added (e.g. a lesson id with bad characters).
  const check = decodeShare(link);
  if (!check.ok) return decodeError(io, check.error, p.lang);
  io.stdout(`${base.base}#${link}\n`);
  const offGrid = topology.value.nodes.filter(
    (n) => n.x % SHARE_GRID !== 0 || n.y % SHARE_GRID !== 0,
  );
  if (offGrid.length > 0)
    io.stderr(
      `topo: note: ${offGrid.length} node position(s) rounded to the ${SHARE_GRID} px grid (first: ${offGrid[0]!.id})\n`,
    );
  return EXIT.ok;
}

function decode(p: Parsed, io: TopoIo): number {
  if (!p.operand) return usageError(io, 'decode needs a link');
  if (p.base !== undefined || p.lesson !== undefined)
    return usageError(io, 'decode takes no --base or --lesson');
  const r = decodeShare(p.operand);
  if (!r.ok) return decodeError(io, r.error, p.lang);
  io.stdout(encodeTopologyJson(r.value.topology));
  return EXIT.ok;
}

/** Why a file could not be read, from a Node file-system error. */
function fileError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  const known: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
  };
  return known[code] ?? (e instanceof Error ? e.message : String(e));
}

/**
 * The whole command line as a function: arguments in, text out through `io`, exit status back.
 * @example runTopoCli(['decode', '#v1.…'], io) // 0, the topology JSON written to io.stdout
 */
export function runTopoCli(argv: readonly string[], io: TopoIo): number {
  const p = parse(argv);
  if (typeof p === 'string') return usageError(io, p);
  switch (p.command) {
    case 'encode':
      return encode(p, io);
    case 'decode':
      return decode(p, io);
    case 'help':
      io.stdout(USAGE);
      return EXIT.ok;
    case undefined:
      return usageError(io, 'no command');
    default:
      return usageError(io, `unknown command "${p.command}"`);
  }
}

/** Reads files for the CLI, refusing one too large to be a topology before loading it. */
function readTopologyFile(path: string): string {
  // A UTF-8 file of more than 3 bytes per allowed character is over the cap whatever it holds.
  const bytes = statSync(path).isFile() ? statSync(path).size : 0;
  if (bytes > 3 * JSON_LIMITS.chars)
    throw new Error(`it is ${bytes.toLocaleString('en-US')} bytes, too large for a topology file`);
  return readFileSync(path, 'utf8');
}

const nodeIo: TopoIo = {
  readFile: readTopologyFile,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(script);
  } catch {
    return false;
  }
}

if (isMain()) process.exitCode = runTopoCli(process.argv.slice(2), nodeIo);
