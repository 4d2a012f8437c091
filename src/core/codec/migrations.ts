/**
 * Named migrations between topology format versions. A link or file of an older version is first
 * unpacked into that version's full document, then every step from its version up to the current
 * one runs in order, then the current schema validates the result.
 *
 * Policy: a released version's constants never change (see v1/tables.ts). A change to the
 * document's meaning gets a new version number, new tables, and one step here:
 * `{ from: n, name, migrate }` turns a version-n document into a version n+1 document (including
 * its `version` field). Steps must not mutate their input and may throw on input they cannot
 * read: the runner turns that into a typed `invalid` error naming the step.
 * Contract: pure; no DOM, no React.
 */
import { fill, t } from '../model';
import { fail, type DecodeResult } from './errors';

export interface Migration {
  /** The version this step reads; it produces version `from + 1`. */
  from: number;
  /** Short, unique, stable: it appears in error messages and the docs. */
  name: string;
  migrate(raw: unknown): unknown;
}

/** Every step from the first released version to the current one, oldest first. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([]);

/**
 * Problems with a migration list for a given current version: each version below `current` needs
 * exactly one step, in ascending order, with a unique non-empty name. Empty when the list is sound.
 * @example checkMigrations(MIGRATIONS, 1) // []
 */
export function checkMigrations(list: readonly Migration[], current: number): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  list.forEach((m, i) => {
    if (m.from !== i + 1)
      problems.push(`step ${i} ("${m.name}") reads v${m.from}, expected v${i + 1}`);
    if (!m.name.trim()) problems.push(`step ${i} has no name`);
    if (names.has(m.name)) problems.push(`step name "${m.name}" is used twice`);
    names.add(m.name);
  });
  if (list.length !== current - 1)
    problems.push(`${list.length} step(s) for versions 1..${current}: expected ${current - 1}`);
  return problems;
}

/**
 * Runs the steps that take a version-`from` document to version `to`.
 * @example runMigrations(raw, 1, 1, MIGRATIONS) // { ok: true, value: raw } (nothing to do)
 */
export function runMigrations(
  raw: unknown,
  from: number,
  to: number,
  list: readonly Migration[],
): DecodeResult<unknown> {
  let doc = raw;
  for (let v = from; v < to; v++) {
    const step = list.find((m) => m.from === v);
    if (!step)
      return fail(
        'invalid',
        fill(
          t(
            'This page cannot upgrade version {v} documents: no migration from version {v}.',
            '이 페이지는 버전 {v} 문서를 변환할 수 없습니다. 버전 {v}에서 변환하는 단계가 없습니다.',
          ),
          { v },
        ),
      );
    try {
      doc = step.migrate(doc);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return fail(
        'invalid',
        fill(
          t(
            'Upgrading from version {v} failed at step "{name}": {detail}.',
            '버전 {v}에서 변환하다가 "{name}" 단계에서 실패했습니다: {detail}.',
          ),
          { v, name: step.name, detail },
        ),
      );
    }
  }
  return { ok: true, value: doc };
}
