/** Which connection handles a kind's card shows, derived from the kind registry. */
import { KIND_IDS, KINDS, type KindId } from '../../core/model';

export interface KindHandles {
  /** It calls something: an outgoing handle on the right. */
  source: boolean;
  /** Something may call it: an incoming handle on the left. */
  target: boolean;
}

const calledKinds = new Set<KindId>(KIND_IDS.flatMap((k) => KINDS[k].linksTo));

export const KIND_HANDLES: Record<KindId, KindHandles> = Object.fromEntries(
  KIND_IDS.map((k) => [k, { source: KINDS[k].linksTo.length > 0, target: calledKinds.has(k) }]),
) as Record<KindId, KindHandles>;
