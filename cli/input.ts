/**
 * Reads the runner's topology argument: a topology JSON file or a share link. Every refusal is one
 * line naming what is wrong and where.
 */
import { decodeShare, decodeTopologyJson, type DecodeError } from '../src/core/codec';
import { describeIssue, type Topology } from '../src/core/model';

export type ReadFile = (path: string) => Promise<string> | string;

export type Loaded =
  | { ok: true; topology: Topology; source: { type: 'file'; path: string } | { type: 'link' } }
  | { ok: false; error: string };

/** A URL (`https://…/#v1.…`) or a fragment (`#v1.…`) is a share link; anything else is a file. */
export const isShareLink = (arg: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || arg.startsWith('#');

/**
 * A fragment pasted without its '#' (`v1.…`). Tried as a link only when no file has that name, so
 * a file called `v1.json` is still read as a file.
 */
const looksLikeBareFragment = (arg: string): boolean => /^v[1-9]\d*\.[A-Za-z0-9_-]+$/.test(arg);

/** Why a file could not be read, from a Node file-system error. */
function readError(path: string, err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const why: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'is a directory, not a topology file',
    EACCES: 'permission denied',
    ENOTDIR: 'a part of the path is not a directory',
  };
  const detail = why[code] ?? (err instanceof Error ? err.message : String(err));
  return `cannot read ${path}: ${detail}`;
}

/** Folds a message onto one line (V8's JSON errors quote the offending text, newlines and all). */
export const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** The first issue and how many more, on one line. */
export function issuesLine(
  issues: readonly { path: string; message: { en: string; ko: string } }[],
  lang: 'en' | 'ko',
): string {
  const [first] = issues;
  if (!first) return '';
  const more = issues.length - 1;
  const tail =
    more > 0
      ? lang === 'ko'
        ? ` (외 ${more}개 문제)`
        : ` (and ${more} more problem${more > 1 ? 's' : ''})`
      : '';
  return `${describeIssue(first, lang)}${tail}`;
}

/** One line for a codec refusal: the first path-named issue when there are any, else the message. */
function decodeErrorLine(error: DecodeError, lang: 'en' | 'ko'): string {
  if (error.issues && error.issues.length > 0) return issuesLine(error.issues, lang);
  return oneLine(error.message[lang]);
}

function loadLink(arg: string, lang: 'en' | 'ko'): Loaded {
  const decoded = decodeShare(arg);
  if (!decoded.ok)
    return { ok: false, error: `share link: ${decodeErrorLine(decoded.error, lang)}` };
  return { ok: true, topology: decoded.value.topology, source: { type: 'link' } };
}

/**
 * Loads the topology named by the runner's argument: a share link (URL or fragment) through the
 * share-link codec, or a file through the topology-file codec (size cap, JSON syntax, version,
 * migrations of older files, schema).
 * @example await loadTopology('docs/examples/all-in-one.json', (p) => fs.readFileSync(p, 'utf8'), 'en')
 */
export async function loadTopology(
  arg: string,
  readFile: ReadFile,
  lang: 'en' | 'ko',
): Promise<Loaded> {
  if (isShareLink(arg)) return loadLink(arg, lang);
  let text: string;
  try {
    text = await readFile(arg);
  } catch (err) {
    if (looksLikeBareFragment(arg)) return loadLink(arg, lang);
    return { ok: false, error: readError(arg, err) };
  }
  const decoded = decodeTopologyJson(text);
  if (!decoded.ok) return { ok: false, error: `${arg}: ${decodeErrorLine(decoded.error, lang)}` };
  return { ok: true, topology: decoded.value, source: { type: 'file', path: arg } };
}
