/**
 * The control plane's clock: a binary min-heap of timed events ordered by (time, insertion
 * sequence), so simultaneous events run in the order they were scheduled and runs are exactly
 * reproducible. Payloads are small integers interpreted by the kernel.
 * Contract: pure data structure; no DOM, no clock.
 */

export interface TimedEvent {
  time: number;
  seq: number;
  /** What happens (the kernel's CE_* codes). */
  type: number;
  /** Up to three integer arguments (station, target, generation, ...). */
  a: number;
  b: number;
  c: number;
}

/**
 * A priority queue of control-plane events.
 * @example const q = new EventQueue(); q.push(5, 1, 0, 0, 0); q.peekTime(); // 5
 */
export class EventQueue {
  private heap: TimedEvent[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, type: number, a = 0, b = 0, c = 0): void {
    const e: TimedEvent = { time, seq: this.seq++, type, a, b, c };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(e, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = e;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.heap.length > 0 ? this.heap[0]!.time : Infinity;
  }

  pop(): TimedEvent | undefined {
    const h = this.heap;
    const top = h[0];
    if (top === undefined) return undefined;
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && less(h[r]!, h[l]!) ? r : l;
        if (!less(h[m]!, last)) break;
        h[i] = h[m]!;
        i = m;
      }
      h[i] = last;
    }
    return top;
  }

  /** Removes every event matching the predicate (used when the topology changes). */
  removeWhere(pred: (e: TimedEvent) => boolean): void {
    const keep = this.heap.filter((e) => !pred(e));
    keep.sort((x, y) => (less(x, y) ? -1 : 1));
    this.heap = keep;
  }

  /** All events, in no particular order (for carrying state over). */
  all(): readonly TimedEvent[] {
    return this.heap;
  }
}

const less = (x: TimedEvent, y: TimedEvent): boolean =>
  x.time < y.time || (x.time === y.time && x.seq < y.seq);
