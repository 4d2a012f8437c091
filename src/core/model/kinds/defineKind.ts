/**
 * `defineKind()`: one file per node kind declares everything the app needs to know about it —
 * label, icon, parameters, and which kinds it may call — so the palette, the inspector, the schema,
 * the share-link codec and the kernel wiring all come from one place.
 * Contract: pure data; no DOM, no React.
 */
import type { ParamSpecs } from '../params';
import type { Text } from '../text';

export const KIND_IDS = [
  'users',
  'dns',
  'lb',
  'server',
  'dbPrimary',
  'dbReplica',
  'cache',
  'asg',
] as const;
export type KindId = (typeof KIND_IDS)[number];

export type KindCategory = 'traffic' | 'network' | 'compute' | 'data';

export interface KindDef<K extends KindId = KindId, P extends ParamSpecs = ParamSpecs> {
  kind: K;
  /** Short name on the palette and node card. */
  label: Text;
  /** One or two sentences: what it is, in the learner's words. */
  description: Text;
  category: KindCategory;
  /** SVG path data on a 24×24 view box (stroke-drawn). */
  icon: string;
  /** Prefix of generated ids and default labels, e.g. `web` gives `web-1`. */
  idPrefix: string;
  params: P;
  /** The kinds this kind may call (link from this node to them). */
  linksTo: readonly KindId[];
  /** Whether it is a billed machine with an instance type. */
  isInstance: boolean;
}

/** Declares a kind; the identity function keeps the literal types of its params. */
export function defineKind<K extends KindId, P extends ParamSpecs>(
  def: KindDef<K, P>,
): KindDef<K, P> {
  return def;
}
