import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALERT_SUSTAIN_SEC,
  ALERT_THRESHOLD,
  emptyWatch,
  observe,
  timeAbove,
  type AlertChange,
  type WatchState,
} from './alerts';

/** Feeds (time, value) samples for one key and collects every change. */
function run(samples: [number, number][], key = 'server-1') {
  let state: WatchState = emptyWatch();
  const changes: AlertChange[] = [];
  for (const [t, v] of samples) {
    const r = observe(state, t, new Map([[key, v]]));
    state = r.state;
    changes.push(...r.changes);
  }
  return { state, changes };
}

const steady = (from: number, to: number, value: number, dt = 1): [number, number][] => {
  const out: [number, number][] = [];
  for (let t = from; t <= to + 1e-9; t += dt) out.push([t, value]);
  return out;
};

describe('the sustained-breach alert', () => {
  it('uses a 90 % line held for one simulated minute', () => {
    expect(ALERT_THRESHOLD).toBe(0.9);
    expect(ALERT_SUSTAIN_SEC).toBe(60);
  });

  it('is not raised before 60 s above 90 %', () => {
    const { changes, state } = run(steady(0, 59, 0.95));
    expect(changes).toEqual([]);
    expect(state.entries.get('server-1')?.alerted).toBe(false);
  });

  it('is raised once at 60 s above 90 %, naming the key and when the breach began', () => {
    const { changes } = run([...steady(0, 9, 0.5), ...steady(10, 100, 0.95)]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ type: 'raised', key: 'server-1', since: 9.888888888888889 });
    expect(changes[0]!.time).toBe(70);
  });

  it('starts over when the value dips below the line before the minute is up', () => {
    const samples = [
      ...steady(0, 40, 0.95),
      [41, 0.5] as [number, number],
      ...steady(42, 110, 0.95),
    ];
    const { changes } = run(samples);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.time).toBeGreaterThanOrEqual(41 + ALERT_SUSTAIN_SEC);
  });

  it('clears when the value falls below the line, and can be raised again', () => {
    const { changes } = run([
      ...steady(0, 70, 0.97),
      ...steady(71, 80, 0.4),
      ...steady(81, 200, 0.99),
    ]);
    expect(changes.map((c) => c.type)).toEqual(['raised', 'cleared', 'raised']);
    expect(changes[1]!.time).toBe(71);
  });

  it('clears the alerts of a key that disappears and after a reset', () => {
    let { state } = run(steady(0, 70, 0.97));
    const gone = observe(state, 71, new Map());
    expect(gone.changes).toEqual([expect.objectContaining({ type: 'cleared', key: 'server-1' })]);
    ({ state } = run(steady(0, 70, 0.97)));
    const reset = observe(state, 0, new Map([['server-1', 0.97]]));
    expect(reset.changes).toEqual([expect.objectContaining({ type: 'cleared' })]);
    expect(timeAbove(reset.state, 'server-1')).toBe(0);
  });

  it('works with coarse samples (fast forward): raised on the first sample a minute in', () => {
    const { changes } = run([
      [0, 0.5],
      [10, 0.95],
      [20, 0.95],
      [70, 0.95],
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.time).toBe(70);
  });
});

describe('time above the line', () => {
  it('accumulates only the time at or above 90 %, interpolating crossings', () => {
    const { state } = run([
      [0, 0.8],
      [10, 1.0], // above from 5 s
      [20, 1.0],
      [30, 0.8], // below from 25 s
      [40, 0.8],
    ]);
    expect(timeAbove(state, 'server-1')).toBeCloseTo(20);
    expect(timeAbove(state, 'unknown')).toBe(0);
  });

  it('never exceeds the elapsed time and never decreases', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1.2, noNaN: true }), { minLength: 1, maxLength: 80 }),
        (values) => {
          let state = emptyWatch();
          let last = 0;
          values.forEach((v, i) => {
            state = observe(state, i * 3, new Map([['n', v]])).state;
            const above = timeAbove(state, 'n');
            expect(above).toBeGreaterThanOrEqual(last - 1e-9);
            expect(above).toBeLessThanOrEqual(i * 3 + 1e-9);
            last = above;
          });
        },
      ),
      { seed: 42 },
    );
  });

  it('tracks several keys independently', () => {
    let state = emptyWatch();
    for (let t = 0; t <= 10; t++)
      state = observe(
        state,
        t,
        new Map([
          ['a', 0.95],
          ['b', 0.1],
        ]),
      ).state;
    expect(timeAbove(state, 'a')).toBe(10);
    expect(timeAbove(state, 'b')).toBe(0);
  });
});
