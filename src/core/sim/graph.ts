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

/** Kahn's algorithm over accepted edges; ties in station order (deterministic). */
export function topoOrder(
  n: number,
  outEnt: number[][],
  eTarget: Int32Array,
  accept: (e: number) => boolean,
): Int32Array {
  const indeg = new Int32Array(n);
  for (let s = 0; s < n; s++) for (const e of outEnt[s]!) if (accept(e)) indeg[eTarget[e]!]!++;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let s = 0; s < n; s++) if (indeg[s] === 0) order[tail++] = s;
  while (head < tail) {
    const s = order[head++]!;
    for (const e of outEnt[s]!) {
      if (!accept(e)) continue;
      const t = eTarget[e]!;
      if (--indeg[t]! === 0) order[tail++] = t;
    }
  }
  // Every cycle was broken by marking back edges, so all stations are placed.
  return order;
}
