/**
 * The main-thread side of the simulation: starts the worker, sends it commands, and keeps it
 * alive. A watchdog terminates a worker that crashes (error event or fatal error message) or
 * hangs (no message for HEARTBEAT_TIMEOUT_MS while playing) and starts a new one with the current
 * topology at the last simulated time: the kernel starts fresh and is run forward to that time,
 * replaying the scenario and the events injected so far, so queues and caches restart from that
 * replay rather than from the exact state before the failure. When Web Workers are unavailable the
 * same host runs on the main thread.
 */
import type { ScenarioEvent, Topology } from '../core/model';
import type { SimFrame } from '../core/sim';
import type { SimHost } from './host';
import {
  assertNever,
  clampSpeed,
  FROM_WORKER_TYPES,
  PROTOCOL_VERSION,
  type FromWorker,
  type InjectedEvent,
  type ToWorker,
} from './protocol';

export const HEARTBEAT_TIMEOUT_MS = 3000;
/** Generous: compiling a topology near the 20 000-node limit takes seconds. */
export const READY_TIMEOUT_MS = 20_000;
export const WATCHDOG_INTERVAL_MS = 500;
/** More restarts than this within RESTART_WINDOW_MS and the client gives up. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;
const NO_SCRIPT = 'the simulation worker script could not be loaded';

/** Injected events remembered for replay after a restart (a scenario's own limit). */
export const MAX_INJECTED = 1000;

/** What the client needs of a Worker; the main-thread fallback implements it too. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message?: string; preventDefault?: () => void }) => void) | null;
}

export type ClientMode = 'worker' | 'mainThread';
export type ClientStatus = 'starting' | 'worker' | 'mainThread' | 'restarting' | 'failed';
export type ClientNotice = 'crashed' | 'hung' | 'fallback' | 'failed' | 'error';

export interface SimClientOptions {
  onFrame(frame: SimFrame): void;
  onStatus(status: ClientStatus): void;
  onNotice(kind: ClientNotice, time: number, detail?: string): void;
  /** Simulated seconds per wall second achieved over the last second of playback. */
  onHeartbeat?(time: number, achievedSpeed: number): void;
  /** Creates a real worker; throwing or undefined selects the main-thread fallback. */
  createWorker?: () => WorkerLike | undefined;
  /** Loads the kernel and host for the main-thread fallback (downloaded on first use). */
  loadInline?: () => Promise<typeof import('./inline')>;
  /** Milliseconds, monotonic. */
  now?: () => number;
  /** True while the page is hidden: timers are throttled then, so silence is not a hang. */
  isHidden?: () => boolean;
}

/** A Web Worker running sim.worker.ts, or undefined where Workers do not exist. */
export function createBrowserWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'scale-out-lab-sim',
  }) as unknown as WorkerLike;
}

/**
 * The host on the main thread, behind the WorkerLike interface. Messages are delivered
 * asynchronously, as a worker's would be; a "hang" only stops it answering. The kernel is loaded
 * on first use: most visitors have workers and never need it on this thread, so it stays out of
 * the page's first download. Messages posted while it loads are handled in order once it is in.
 */
export class MainThreadWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private host: SimHost | null = null;
  private readonly pending: ToWorker[] = [];

  constructor(
    now: () => number = () => performance.now(),
    loadKernel: () => Promise<typeof import('./inline')> = () => import('./inline'),
  ) {
    loadKernel().then(
      ({ createSim, SimHost }) => {
        if (this.closed) return;
        this.host = new SimHost({
          createSim,
          now,
          post: (data) => queueMicrotask(() => !this.closed && this.onmessage?.({ data })),
        });
        for (const message of this.pending.splice(0)) this.deliver(message);
        let last = now();
        const loop = () => {
          if (this.closed || !this.host) return;
          const t = now();
          const wait = this.host.advance(t - last);
          last = t;
          this.timer = setTimeout(loop, wait);
        };
        this.timer = setTimeout(loop, 0);
      },
      (e: unknown) => {
        if (!this.closed) this.onerror?.({ message: e instanceof Error ? e.message : String(e) });
      },
    );
  }

  postMessage(message: ToWorker): void {
    setTimeout(() => {
      if (this.closed) return;
      if (this.host) this.deliver(message);
      else this.pending.push(message);
    }, 0);
  }

  private deliver(message: ToWorker): void {
    try {
      this.host?.handle(message);
    } catch (e) {
      this.onerror?.({ message: e instanceof Error ? e.message : String(e) });
    }
  }

  terminate(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }
}

/**
 * Runs one simulation session in a worker.
 * @example
 * const client = new SimClient({ onFrame, onStatus, onNotice });
 * client.start(topology, { speed: 1 }); client.play();
 */
export class SimClient {
  private worker: WorkerLike | null = null;
  private mode: ClientMode = 'worker';
  private topology: Topology | null = null;
  private seed: number | undefined;
  private speed = 1;
  private playing = false;
  private time = 0;
  private injected: InjectedEvent[] = [];
  private ready = false;
  private startedAt = 0;
  private lastHeard = 0;
  /** The longest blocking kernel call the worker last reported (ms). */
  private busyMs = 0;
  private restarts: number[] = [];
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private failed = false;
  private disposed = false;
  private readonly now: () => number;
  private readonly isHidden: () => boolean;
  private readonly createWorker: () => WorkerLike | undefined;

  constructor(private readonly opts: SimClientOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.isHidden = opts.isHidden ?? (() => false);
    this.createWorker = opts.createWorker ?? createBrowserWorker;
  }

  get currentMode(): ClientMode {
    return this.mode;
  }

  /** Simulated seconds of the last frame or heartbeat. */
  get simTime(): number {
    return this.time;
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  /** Starts paused at t = 0 (or resumes `time`) with this topology. */
  start(topology: Topology, opts: { seed?: number; speed?: number } = {}): void {
    this.topology = topology;
    this.seed = opts.seed;
    this.speed = clampSpeed(opts.speed ?? 1);
    this.spawn(false);
    this.watchdog ??= setInterval(() => this.check(), WATCHDOG_INTERVAL_MS);
  }

  setTopology(topology: Topology): void {
    this.topology = topology;
    this.send({ type: 'setTopology', topology });
  }

  play(): void {
    this.playing = true;
    this.lastHeard = this.now();
    this.send({ type: 'play' });
  }

  pause(): void {
    this.playing = false;
    this.send({ type: 'pause' });
  }

  step(seconds: number): void {
    if (!(seconds > 0)) return;
    this.send({ type: 'step', seconds });
  }

  /** Back to t = 0, paused. After the client gave up, this is also the way to try again. */
  reset(): void {
    this.playing = false;
    this.time = 0;
    this.injected = [];
    if (this.failed && !this.disposed) {
      this.failed = false;
      this.restarts = [];
      this.spawn(false);
      return;
    }
    this.send({ type: 'reset' });
  }

  setSpeed(speed: number): void {
    this.speed = clampSpeed(speed);
    this.send({ type: 'setSpeed', speed: this.speed });
  }

  inject(event: ScenarioEvent): void {
    this.injected.push({ atSec: this.time, event });
    if (this.injected.length > MAX_INJECTED) this.injected.shift();
    this.send({ type: 'inject', event });
  }

  /** Test hook: makes the worker throw. */
  crashWorker(): void {
    this.send({ type: 'crash' });
  }

  /** Test hook: makes the worker stop answering. */
  hangWorker(): void {
    this.send({ type: 'hang' });
  }

  dispose(): void {
    this.disposed = true;
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
    this.kill();
  }

  private send(message: ToWorker): void {
    if (this.disposed || this.failed) return;
    this.worker?.postMessage(message);
  }

  private spawn(restart: boolean): void {
    if (!this.topology) return;
    this.kill();
    this.ready = false;
    this.startedAt = this.now();
    this.lastHeard = this.startedAt;
    let worker: WorkerLike | undefined;
    if (this.mode === 'worker') {
      try {
        worker = this.createWorker();
      } catch (e) {
        worker = undefined;
        this.opts.onNotice('fallback', this.time, e instanceof Error ? e.message : String(e));
      }
      if (!worker) this.mode = 'mainThread';
    }
    worker ??= new MainThreadWorker(this.now, this.opts.loadInline);
    this.worker = worker;
    this.opts.onStatus(restart ? 'restarting' : 'starting');
    worker.onmessage = (e) => {
      if (this.worker === worker) this.receive(e.data);
    };
    worker.onerror = (e) => {
      // Handled here: the watchdog restarts the worker, so the page should not log it as uncaught.
      e.preventDefault?.();
      // A script that fails to load gives an error event without a message.
      if (this.worker === worker) this.onCrash(e.message || NO_SCRIPT);
    };
    const init: ToWorker = {
      type: 'init',
      version: PROTOCOL_VERSION,
      topology: this.topology,
      speed: this.speed,
      time: this.time,
      injected: this.injected,
      playing: this.playing,
    };
    if (this.seed !== undefined) init.seed = this.seed;
    worker.postMessage(init);
  }

  private kill(): void {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    w.onmessage = null;
    w.onerror = null;
    w.terminate();
  }

  private receive(data: unknown): void {
    this.lastHeard = this.now();
    const type =
      typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
    if (!(FROM_WORKER_TYPES as readonly unknown[]).includes(type)) {
      this.opts.onNotice(
        'error',
        this.time,
        `unexpected message from the simulation: ${String(type)}`,
      );
      return;
    }
    const msg = data as FromWorker;
    switch (msg.type) {
      case 'ready':
        if (msg.version !== PROTOCOL_VERSION) {
          this.giveUp(
            `simulation worker speaks protocol ${msg.version}, expected ${PROTOCOL_VERSION}`,
          );
          return;
        }
        this.ready = true;
        this.opts.onStatus(this.mode);
        return;
      case 'frame':
        this.time = msg.frame.time;
        this.opts.onFrame(msg.frame);
        return;
      case 'heartbeat':
        this.time = msg.time;
        this.busyMs = msg.busyMs;
        if (msg.playing) this.opts.onHeartbeat?.(msg.time, msg.achievedSpeed);
        return;
      case 'error':
        if (msg.fatal) this.onCrash(msg.message);
        else {
          // The host pauses itself after a kernel error.
          this.playing = false;
          this.opts.onNotice('error', this.time, msg.message);
        }
        return;
      default:
        assertNever(msg);
    }
  }

  private check(): void {
    if (this.disposed || this.failed || !this.worker) return;
    const now = this.now();
    if (this.isHidden()) {
      this.lastHeard = now;
      return;
    }
    if (!this.ready && now - this.startedAt > READY_TIMEOUT_MS) this.restart('hung');
    else if (this.ready && this.playing && now - this.lastHeard > this.hangTimeout())
      this.restart('hung');
  }

  /** Silence longer than this while playing is a hang; a slow kernel gets more patience. */
  hangTimeout(): number {
    return Math.max(HEARTBEAT_TIMEOUT_MS, 2 * this.busyMs + 1000);
  }

  private onCrash(message: string): void {
    if (!this.ready && this.mode === 'worker') {
      // The worker never came up (no module workers, a blocked script, or a site updated while
      // this tab was open so the old worker file is gone): run on the main thread instead.
      this.mode = 'mainThread';
      this.opts.onNotice('fallback', this.time, message);
      this.spawn(this.restarts.length > 0);
      return;
    }
    this.restart('crashed', message);
  }

  private restart(kind: 'crashed' | 'hung', detail?: string): void {
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.giveUp(detail ?? kind);
      return;
    }
    this.restarts.push(now);
    this.opts.onNotice(kind, this.time, detail);
    this.spawn(true);
  }

  private giveUp(detail: string): void {
    this.failed = true;
    this.playing = false;
    this.kill();
    this.opts.onStatus('failed');
    this.opts.onNotice('failed', this.time, detail);
  }
}
