/** The simulation worker: wires messages and a timer loop to the host. */
import { createSim } from '../core/sim';
import { SimHost } from './host';
import type { FromWorker } from './protocol';

// The app's tsconfig types `self` as a Window; this file runs in a DedicatedWorkerGlobalScope.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(message: FromWorker, transfer: ArrayBuffer[]): void;
};

const host = new SimHost({
  createSim,
  post: (message, transfer = []) => scope.postMessage(message, transfer),
  now: () => performance.now(),
  crash: () => {
    throw new Error('simulation worker crashed on request (test hook)');
  },
  hang: () => {
    // Spin without yielding, like a kernel stuck in a loop: only terminate() ends it.
    for (let spins = 0; spins >= 0; spins = (spins + 1) % 1e9);
  },
});

scope.onmessage = (e) => host.handle(e.data);

// setTimeout, not requestAnimationFrame: workers have no display frames, and timers keep running
// at a useful rate in a background tab.
let last = performance.now();
const loop = () => {
  const now = performance.now();
  const wait = host.advance(now - last);
  last = now;
  setTimeout(loop, wait);
};
setTimeout(loop, 0);
