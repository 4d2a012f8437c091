/**
 * Typed, bilingual decode errors of the share-link and topology-file codecs. Decoding never throws:
 * every refusal is one of these codes with a message a learner can act on.
 * Contract: pure; no DOM, no React.
 */
import { describeIssue, fill, t, type InputIssue, type Text } from '../model';

export const DECODE_ERROR_CODES = [
  'empty',
  'tooLong',
  'badPrefix',
  'tooNew',
  'badEncoding',
  'badCompression',
  'tooLarge',
  'badJson',
  'invalid',
] as const;
export type DecodeErrorCode = (typeof DECODE_ERROR_CODES)[number];

export interface DecodeError {
  code: DecodeErrorCode;
  message: Text;
  /** Path-named problems, for `invalid` (e.g. `nodes[3].params.bootSec: must be ≥ 5`). */
  issues?: InputIssue[];
}

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: DecodeError };

/** What is being decoded: wording differs between a link and a file. */
export type Subject = 'link' | 'file';

/** Issues listed in one error; a document with thousands of bad nodes says how many more. */
export const MAX_ISSUES = 50;

function capIssues(issues: InputIssue[]): InputIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const more = issues.length - MAX_ISSUES;
  return [
    ...issues.slice(0, MAX_ISSUES),
    {
      path: '',
      message: fill(t('…and {n} more problem(s)', '…그리고 문제 {n}개 더'), { n: more }),
    },
  ];
}

export const fail = (code: DecodeErrorCode, message: Text, issues?: InputIssue[]) =>
  ({
    ok: false,
    error: issues ? { code, message, issues: capIssues(issues) } : { code, message },
  }) as const;

const fmt = (n: number) => n.toLocaleString('en-US');

/** The bilingual message of each refusal; `vars` fill the `{name}` placeholders. */
export const MESSAGES = {
  emptyLink: t(
    'The link has no topology in it: nothing follows "#".',
    '링크에 토폴로지가 없습니다. "#" 뒤가 비어 있습니다.',
  ),
  emptyFile: t('The file is empty.', '파일이 비어 있습니다.'),
  tooLongLink: (n: number, max: number) =>
    fill(
      t(
        'The link is {n} characters long; links longer than {max} characters are refused.',
        '링크 길이가 {n}자입니다. {max}자보다 긴 링크는 받지 않습니다.',
      ),
      { n: fmt(n), max: fmt(max) },
    ),
  tooLongFile: (n: number, max: number) =>
    fill(
      t(
        'The file is {n} characters long; files longer than {max} characters are refused.',
        '파일 길이가 {n}자입니다. {max}자보다 긴 파일은 받지 않습니다.',
      ),
      { n: fmt(n), max: fmt(max) },
    ),
  badPrefix: (current: number) =>
    fill(
      t(
        'This is not a Scale-Out Lab share link: the part after "#" should start with "v{v}.".',
        'Scale-Out Lab 공유 링크가 아닙니다. "#" 뒤는 "v{v}."로 시작해야 합니다.',
      ),
      { v: current },
    ),
  tooNewLink: (version: number, current: number) =>
    fill(
      t(
        'This link was made by a newer Scale-Out Lab (link format v{v}); this page reads formats up to v{cur}. Reload the page to get the newest version.',
        '더 새로운 Scale-Out Lab에서 만든 링크입니다(링크 형식 v{v}). 이 페이지는 v{cur} 형식까지 읽습니다. 페이지를 새로 고쳐 최신 버전을 받으세요.',
      ),
      { v: version, cur: current },
    ),
  tooNewFile: (version: number, current: number) =>
    fill(
      t(
        'This file was saved by a newer Scale-Out Lab (topology version {v}); this page reads versions up to {cur}. Reload the page to get the newest version.',
        '더 새로운 Scale-Out Lab에서 저장한 파일입니다(토폴로지 버전 {v}). 이 페이지는 버전 {cur}까지 읽습니다. 페이지를 새로 고쳐 최신 버전을 받으세요.',
      ),
      { v: version, cur: current },
    ),
  badCharacter: (ch: string, at: number) =>
    fill(
      t(
        'The link is damaged: it contains {ch} at position {at}, which never appears in a share link.',
        '링크가 손상되었습니다. {at}번째 위치에 공유 링크에 없는 문자 {ch}가 있습니다.',
      ),
      { ch: JSON.stringify(ch), at: at + 1 },
    ),
  badLength: t(
    'The link is damaged or cut off: its length is impossible for a share link.',
    '링크가 손상되었거나 잘렸습니다. 공유 링크가 될 수 없는 길이입니다.',
  ),
  badCompression: t(
    'The link is damaged or cut off: its content cannot be unpacked.',
    '링크가 손상되었거나 잘렸습니다. 내용을 풀 수 없습니다.',
  ),
  tooLargeLink: (max: number) =>
    fill(
      t(
        'The link unpacks to more than {max} bytes, more than any real topology needs; it was refused without unpacking it further.',
        '링크를 풀면 {max}바이트가 넘습니다. 실제 토폴로지에 필요한 것보다 커서 더 풀지 않고 거부했습니다.',
      ),
      { max: fmt(max) },
    ),
  badJsonLink: (detail: string) =>
    fill(
      t(
        'The link is damaged: its content is not readable data ({detail}).',
        '링크가 손상되었습니다. 내용을 읽을 수 없습니다({detail}).',
      ),
      { detail },
    ),
  badJsonFile: (detail: string) =>
    fill(t('The file is not valid JSON: {detail}.', '파일이 올바른 JSON이 아닙니다: {detail}.'), {
      detail,
    }),
  invalid: (subject: Subject, n: number) =>
    fill(
      subject === 'link'
        ? t(
            'The topology in the link has {n} problem(s).',
            '링크의 토폴로지에 문제가 {n}개 있습니다.',
          )
        : t(
            'The topology in the file has {n} problem(s).',
            '파일의 토폴로지에 문제가 {n}개 있습니다.',
          ),
      { n },
    ),
} as const;

/**
 * One line naming what is wrong, for logs and the command line.
 * @example describeError(err) // 'The topology in the link has 1 problem(s): nodes[0].x: must be number'
 */
export function describeError(error: DecodeError, lang: 'en' | 'ko' = 'en'): string {
  const head = error.message[lang];
  if (!error.issues || error.issues.length === 0) return head;
  const list = error.issues.map((i) => describeIssue(i, lang)).join('; ');
  return `${head.replace(/\.$/, '')}: ${list}`;
}
