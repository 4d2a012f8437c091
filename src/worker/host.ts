/**
 * The simulation host: owns a kernel `Sim`, turns wall-clock time into simulated time at the
 * chosen speed, runs as many kernel steps as fit a per-tick time budget, and posts compact frames
 * (~10 Hz) and heartbeats (1 Hz). The same host runs inside the Web Worker and, as a fallback, on
 * the main thread.
 * Contract: no `self`, no DOM, no timers: the caller drives `advance()` and supplies `now()` and
 * `post()`, so the whole host runs under a fake clock in Node tests.
 */
import type { ScenarioEvent, Topology } from '../core/model';
import type { Sim, SimOptions } from '../core/sim';
import {
  assertNever,
  checkToWorker,
  clampSpeed,
  frameTransferables,
  PROTOCOL_VERSION,
  type FromWorker,
  type InjectedEvent,
  type ToWorker,
} from './protocol';

/** Simulated seconds per kernel step at 1x: one display frame. */
export const BASE_DT = 1 / 60;
/** Largest step chosen from the speed alone (100x would ask for 1.67 s). */
export const MAX_SPEED_DT = 1;
/**
 * Largest step the budget adaptation may reach. The kernel integrates implicitly, so big steps
 * stay stable; they only coarsen the timing of control-plane events (health checks, scaling).
 */
export const MAX_DT = 5;
/** Wall milliseconds of kernel work per tick, leaving the rest of a 16 ms display frame free. */
export const BUDGET_MS = 8;
export const FRAME_INTERVAL_MS = 100;
/**
 * Building a frame may take at most this share of wall time: with a big topology frames come
 * less often than 10 Hz rather than starving the steps.
 */
export const MAX_FRAME_SHARE = 0.25;
export const HEARTBEAT_INTERVAL_MS = 1000;
/** Delay until the next tick while playing / paused. */
export const TICK_MS = 16;
export const IDLE_TICK_MS = 50;
/**
 * Simulated time owed is capped at this many wall milliseconds of playback: when the machine
 * cannot keep up, the run slows down instead of piling up work it can never catch up on.
 */
export const MAX_OWED_WALL_MS = 250;
/** Catching up to a resume time runs in at most this many kernel steps... */
export const CATCH_UP_STEPS = 600;
/** ...and, with a slow kernel, in fewer, larger steps that fit this much wall time. */
export const CATCH_UP_BUDGET_MS = 2000;
/** A single "step" command may take about this long before its sub-steps grow. */
export const STEP_COMMAND_BUDGET_MS = 250;

export interface HostDeps {
  createSim(topology: Topology, opts?: SimOptions): Sim;
  post(message: FromWorker, transfer?: ArrayBuffer[]): void;
  /** Milliseconds, monotonic (performance.now). */
  now(): number;
  /**
   * Test hooks. `crash` must throw; `hang` may block forever (a real worker), or be left out,
   * in which case the host just stops answering (the main-thread fallback cannot block).
   */
  crash?(): never;
  hang?(): void;
}

export class SimHost {
  private sim: Sim | null = null;
  private topology: Topology | null = null;
  private seed: number | undefined;
  private speed = 1;
  private playing = false;
  private hung = false;
  /** Simulated seconds owed to the clock and not yet stepped. */
  private owed = 0;
  /** Multiplies the speed-derived step when the budget cannot keep up. */
  private dtScale = 1;
  private dirty = false;
  private lastFrameAt = -Infinity;
  private lastBeatAt = -Infinity;
  private beatSimTime = 0;
  private beatWallAt = NaN;
  /** Kernel steps run by the last advance(), for tests and diagnostics. */
  lastSteps = 0;
  /** Moving average of the wall ms one kernel step takes (0 until measured). */
  stepCostMs = 0;
  /** Wall ms the last frame took to build. */
  frameCostMs = 0;
  /** Longest single kernel call (step or frame) since the last heartbeat. */
  private busyMs = 0;

  constructor(private readonly deps: HostDeps) {}

  get time(): number {
    return this.sim?.time ?? 0;
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  get currentSpeed(): number {
    return this.speed;
  }

  /** The simulated seconds one kernel step covers now. */
  stepDt(): number {
    return Math.min(MAX_DT, Math.min(MAX_SPEED_DT, BASE_DT * this.speed) * this.dtScale);
  }

  /** Handles one message from the main thread; bad messages are answered with an error. */
  handle(data: unknown): void {
    if (this.hung) return;
    const problem = checkToWorker(data);
    if (problem !== null) return this.error(problem, false);
    const msg = data as ToWorker;
    // The test hooks run outside the try: a crash must escape to the worker's error handler.
    if (msg.type === 'crash') {
      if (this.deps.crash) this.deps.crash();
      throw new Error('simulation worker crashed on request (test hook)');
    }
    if (msg.type === 'hang') {
      this.hung = true;
      this.deps.hang?.();
      return;
    }
    try {
      this.dispatch(msg);
    } catch (e) {
      this.fail(e);
    }
  }

  private dispatch(msg: Exclude<ToWorker, { type: 'crash' | 'hang' }>): void {
    switch (msg.type) {
      case 'init':
        this.topology = msg.topology;
        this.seed = msg.seed;
        this.speed = clampSpeed(msg.speed);
        this.playing = msg.playing ?? false;
        this.start(msg.time ?? 0, msg.injected ?? []);
        this.deps.post({ type: 'ready', version: PROTOCOL_VERSION, time: this.time });
        this.postFrame();
        return;
      case 'setTopology':
        this.topology = msg.topology;
        if (!this.sim) return;
        this.sim.setTopology(msg.topology);
        this.dirty = true;
        return;
      case 'play':
        this.playing = true;
        this.owed = 0;
        // The achieved speed is measured from here, not across the pause.
        this.beatWallAt = this.deps.now();
        this.beatSimTime = this.time;
        return;
      case 'pause':
        this.playing = false;
        this.owed = 0;
        // At once: the frame where the run stopped is the one the user should be looking at.
        this.postFrame();
        return;
      case 'step':
        this.stepBy(msg.seconds);
        this.postFrame();
        return;
      case 'reset':
        this.playing = false;
        this.start(0, []);
        this.postFrame();
        return;
      case 'setSpeed':
        this.speed = clampSpeed(msg.speed);
        this.dtScale = 1;
        this.owed = 0;
        return;
      case 'inject':
        this.requireSim().inject(msg.event);
        this.dirty = true;
        return;
      default:
        return assertNever(msg);
    }
  }

  /**
   * Runs the clock forward by `wallMs` of wall time: steps the kernel within the budget, posts a
   * frame and a heartbeat when due. Returns the delay in ms until it wants to be called again.
   * @example const wait = host.advance(16); setTimeout(loop, wait);
   */
  advance(wallMs: number): number {
    if (this.hung || !this.sim) return IDLE_TICK_MS;
    const start = this.deps.now();
    this.lastSteps = 0;
    if (this.playing) {
      try {
        this.runBudget(start, Math.max(0, wallMs));
      } catch (e) {
        this.fail(e);
      }
    }
    const now = this.deps.now();
    if ((this.playing || this.dirty) && now - this.lastFrameAt >= this.frameInterval())
      this.postFrame();
    if (now - this.lastBeatAt >= HEARTBEAT_INTERVAL_MS) this.heartbeat(now);
    return this.playing ? TICK_MS : IDLE_TICK_MS;
  }

  private runBudget(start: number, wallMs: number): void {
    const sim = this.requireSim();
    const cap = (this.speed * MAX_OWED_WALL_MS) / 1000;
    this.owed = Math.min(this.owed + (wallMs / 1000) * this.speed, cap);
    const dt = this.stepDt();
    let elapsed = 0;
    while (this.owed >= dt && elapsed < BUDGET_MS) {
      this.timedStep(sim, dt);
      this.owed -= dt;
      this.lastSteps++;
      elapsed = this.deps.now() - start;
    }
    // Adapt: out of budget with time still owed -> bigger steps; finished with most of the
    // budget unused -> back towards the speed's own step.
    if (this.owed >= dt && this.stepDt() < MAX_DT) this.dtScale *= 2;
    else if (elapsed < BUDGET_MS / 4 && this.dtScale > 1) this.dtScale /= 2;
  }

  /** Milliseconds between frames: 100, or longer when building a frame is slow. */
  frameInterval(): number {
    return Math.max(FRAME_INTERVAL_MS, this.frameCostMs / MAX_FRAME_SHARE);
  }

  private timedStep(sim: Sim, dt: number): void {
    const t0 = this.deps.now();
    sim.step(dt);
    const cost = this.deps.now() - t0;
    this.stepCostMs = this.stepCostMs === 0 ? cost : 0.8 * this.stepCostMs + 0.2 * cost;
    this.busyMs = Math.max(this.busyMs, cost);
  }

  /** How many steps of a slow kernel fit `budgetMs` (at least 1; unbounded before measuring). */
  private stepsWithin(budgetMs: number): number {
    return this.stepCostMs > 0 ? Math.max(1, Math.floor(budgetMs / this.stepCostMs)) : Infinity;
  }

  /**
   * Advances exactly `seconds` now, in steps no larger than playback would use, unless the
   * kernel is so slow that those would take more than STEP_COMMAND_BUDGET_MS: then fewer, larger.
   */
  private stepBy(seconds: number): void {
    const sim = this.requireSim();
    const wanted = Math.max(1, Math.ceil(seconds / this.stepDt() - 1e-9));
    const n = Math.min(wanted, CATCH_UP_STEPS * 10, this.stepsWithin(STEP_COMMAND_BUDGET_MS));
    const dt = seconds / n;
    for (let i = 0; i < n; i++) this.timedStep(sim, dt);
  }

  /**
   * A fresh kernel at t = 0, run forward to `time` (after a restart) with the events injected
   * before then replayed at their times. Scenario events replay by themselves.
   */
  private start(time: number, injected: readonly InjectedEvent[]): void {
    if (!this.topology) throw new Error('no topology: init must come first');
    const opts: SimOptions = this.seed === undefined ? {} : { seed: this.seed };
    const sim = this.deps.createSim(this.topology, opts);
    this.sim = sim;
    this.owed = 0;
    this.dtScale = 1;
    this.dirty = false;
    this.beatWallAt = NaN;
    this.beatSimTime = time;
    if (!(time > 0)) return;
    const queue = [...injected].filter((e) => e.atSec <= time).sort((a, b) => a.atSec - b.atSec);
    let dt = Math.max(time / CATCH_UP_STEPS, BASE_DT);
    const began = this.deps.now();
    const fire = (upTo: number) => {
      while (queue.length > 0 && (queue[0]?.atSec ?? Infinity) <= upTo) {
        const next = queue.shift() as { event: ScenarioEvent };
        sim.inject(next.event);
      }
    };
    fire(0);
    // Bounded: each pass either reaches the next injected event or moves a full dt.
    const maxPasses = CATCH_UP_STEPS + queue.length + 2;
    for (let pass = 0; pass < maxPasses && sim.time < time - 1e-9; pass++) {
      const toEvent = (queue[0]?.atSec ?? Infinity) - sim.time;
      const next = Math.min(dt, time - sim.time, toEvent > 1e-9 ? toEvent : dt);
      this.timedStep(sim, next);
      fire(sim.time + 1e-9);
      // A slow kernel: stretch the remaining steps over what is left of the wall budget.
      const left = this.stepsWithin(CATCH_UP_BUDGET_MS - (this.deps.now() - began));
      if (Number.isFinite(left)) dt = Math.max(dt, (time - sim.time) / left);
    }
  }

  private requireSim(): Sim {
    if (!this.sim) throw new Error('the simulation has not been initialised (send init first)');
    return this.sim;
  }

  private postFrame(): void {
    if (!this.sim) return;
    const t0 = this.deps.now();
    const frame = this.sim.frame();
    this.lastFrameAt = this.deps.now();
    this.frameCostMs = this.lastFrameAt - t0;
    this.busyMs = Math.max(this.busyMs, this.frameCostMs);
    this.dirty = false;
    this.deps.post(
      { type: 'frame', frame, playing: this.playing, speed: this.speed },
      frameTransferables(frame),
    );
  }

  private heartbeat(now: number): void {
    const wall = (now - this.beatWallAt) / 1000;
    // NaN wall time (the first beat after a start) reports 0 rather than a meaningless ratio.
    const achievedSpeed =
      Number.isFinite(wall) && wall > 0 ? (this.time - this.beatSimTime) / wall : 0;
    this.lastBeatAt = now;
    this.beatWallAt = now;
    this.beatSimTime = this.time;
    const busyMs = this.busyMs;
    this.busyMs = 0;
    this.deps.post({
      type: 'heartbeat',
      time: this.time,
      playing: this.playing,
      achievedSpeed,
      busyMs,
    });
  }

  private error(message: string, fatal: boolean): void {
    this.deps.post({ type: 'error', message, fatal });
  }

  /** A kernel failure pauses the run and is reported; the state before it stays on screen. */
  private fail(e: unknown): void {
    this.playing = false;
    this.owed = 0;
    this.error(e instanceof Error ? e.message : String(e), this.sim === null);
  }
}
