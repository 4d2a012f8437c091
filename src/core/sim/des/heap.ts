/**
 * The reference engine's event queue: a binary min-heap keyed by time over preallocated typed
 * arrays (no object per event), growing by doubling. Ties pop in insertion order, so a run never
 * depends on how the heap happens to arrange equal keys.
 * Contract: pure data structure; no DOM, no clock.
 */

/**
 * A time-ordered queue of integer payloads.
 * @example const q = new EventHeap(); q.push(2.5, 7); q.push(1, 3); q.pop(); q.lastTime // 1, payload 3
 */
export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private data: Int32Array;
  private n = 0;
  private counter = 0;
  /** Time of the event returned by the last `pop()`. */
  lastTime = 0;

  constructor(capacity = 1024) {
    const cap = Math.max(16, capacity | 0);
    this.time = new Float64Array(cap);
    this.seq = new Float64Array(cap);
    this.data = new Int32Array(cap);
  }

  get size(): number {
    return this.n;
  }

  /** Adds an event with payload `data` (a 32-bit integer) at time `t`. */
  push(t: number, data: number): void {
    if (this.n === this.time.length) this.grow();
    const time = this.time;
    const seq = this.seq;
    const dat = this.data;
    const s = this.counter++;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p]!;
      if (pt < t || (pt === t && seq[p]! < s)) break;
      time[i] = pt;
      seq[i] = seq[p]!;
      dat[i] = dat[p]!;
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    dat[i] = data;
  }

  /** Removes the earliest event and returns its payload (its time goes to `lastTime`); -1 if empty. */
  pop(): number {
    if (this.n === 0) return -1;
    const time = this.time;
    const seq = this.seq;
    const dat = this.data;
    const top = dat[0]!;
    this.lastTime = time[0]!;
    const n = --this.n;
    if (n > 0) {
      const t = time[n]!;
      const s = seq[n]!;
      const d = dat[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n) {
          const ct = time[c]!;
          const rt = time[r]!;
          if (rt < ct || (rt === ct && seq[r]! < seq[c]!)) c = r;
        }
        const ct = time[c]!;
        if (t < ct || (t === ct && s < seq[c]!)) break;
        time[i] = ct;
        seq[i] = seq[c]!;
        dat[i] = dat[c]!;
        i = c;
      }
      time[i] = t;
      seq[i] = s;
      dat[i] = d;
    }
    return top;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.n === 0 ? Infinity : this.time[0]!;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap);
    const seq = new Float64Array(cap);
    const data = new Int32Array(cap);
    time.set(this.time);
    seq.set(this.seq);
    data.set(this.data);
    this.time = time;
    this.seq = seq;
    this.data = data;
  }
}
