/**
 * The kind registry: every node kind, keyed by id. Add a kind by writing its file and listing it
 * here; the palette, inspector, schema and codec pick it up.
 * Contract: pure data.
 */
import type { ParamValues } from '../params';
import { asg } from './asg';
import { cache } from './cache';
import { dbPrimary } from './dbPrimary';
import { dbReplica } from './dbReplica';
import { dns } from './dns';
import type { KindDef, KindId } from './defineKind';
import { lb } from './lb';
import { server } from './server';
import { users } from './users';

export const KINDS = { users, dns, lb, server, dbPrimary, dbReplica, cache, asg } as const;
export type Kinds = typeof KINDS;
export { KIND_IDS, type KindId, type KindDef, type KindCategory } from './defineKind';

/** Parameter values of a kind, typed from its spec. */
export type ParamsOf<K extends KindId> = ParamValues<Kinds[K]['params']>;

/** The registry entry of a kind, widened for generic code (inspector, codec). */
export const kindDef = (kind: KindId): KindDef => KINDS[kind];

/** Whether a `from` node may call a `to` node. */
export const canLink = (from: KindId, to: KindId): boolean =>
  (KINDS[from].linksTo as readonly KindId[]).includes(to);
