/**
 * Graph helpers of the compiler: back edges of cycles and a deterministic topological order.
 * Contract: pure; no DOM.
 */

/** Marks, among edges accepted by `accept`, DFS back edges (edges closing a cycle) in `mark`. */
export function markBackEdges(
  n: number,
  outEnt: number[][],
  eTarget: Int32Array,
  accept: (e: number) => boolean,
  mark: Uint8Array,
): void {
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const stackS: number[] = [];
  const stackI: number[] = [];
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    state[root] = 1;
    stackS.push(root);
    stackI.push(0);
    while (stackS.length > 0) {
      const s = stackS[stackS.length - 1]!;
      const i = stackI[stackI.length - 1]!;
      const edges = outEnt[s]!;
      if (i >= edges.length) {
        state[s] = 2;
        stackS.pop();
        stackI.pop();
        continue;
      }
      stackI[stackI.length - 1] = i + 1;
      const e = edges[i]!;
      if (!accept(e)) continue;
      const t = eTarget[e]!;
      if (state[t] === 1) mark[e] = 1;
      else if (state[t] === 0) {
        state[t] = 1;
        stackS.push(t);
        stackI.push(0);
      }
    }
  }
}

/**
 * Kahn's algorithm over accepted edges, taking the lowest-numbered ready station first
 * (deterministic). Stations are numbered in node order, so the step then walks its per-station
 * and per-entry arrays mostly forward through memory, instead of jumping by the fan-out of each
 * router as a first-in-first-out queue would.
 * @example topoOrder(3, [[0], [], []], Int32Array.of(2, 1), () => true) // Int32Array [0, 1, 2]
 */
export function topoOrder(
  n: number,
  outEnt: number[][],
  eTarget: Int32Array,
  accept: (e: number) => boolean,
): Int32Array {
  const indeg = new Int32Array(n);
  for (let s = 0; s < n; s++) for (const e of outEnt[s]!) if (accept(e)) indeg[eTarget[e]!]!++;
  const order = new Int32Array(n);
  // Binary min-heap of ready stations.
  const heap = new Int32Array(n);
  let size = 0;
  const push = (s: number) => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p]! <= s) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = s;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap[--size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heap[c + 1]! < heap[c]!) c++;
      if (heap[c]! >= last) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
    return top;
  };
  for (let s = 0; s < n; s++) if (indeg[s] === 0) push(s);
  let tail = 0;
  while (size > 0) {
    const s = pop();
    order[tail++] = s;
    for (const e of outEnt[s]!) {
      if (!accept(e)) continue;
      const t = eTarget[e]!;
      if (--indeg[t]! === 0) push(t);
    }
  }
  // Every cycle was broken by marking back edges, so all stations are placed.
  return order;
}
