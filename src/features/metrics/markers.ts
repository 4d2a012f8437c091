/**
 * Event markers for the time axis: how each kind of simulation event is drawn (colour, dash and
 * glyph, so no marker relies on colour alone) and how a burst of events is merged into one.
 * Contract: pure data and functions; no React, no DOM, no store.
 */
import type { SimEvent } from '../../core/sim';

export type EventType = SimEvent['type'];
export type MarkerCategory = 'failure' | 'recovery' | 'health' | 'scaling' | 'change' | 'traffic';

/** Okabe–Ito colours and distinct dash patterns, one pair per category. */
export const CATEGORY_STYLE: Record<MarkerCategory, { color: string; dash: string }> = {
  failure: { color: '#D55E00', dash: '' },
  recovery: { color: '#009E73', dash: '6 3' },
  health: { color: '#E69F00', dash: '2 3' },
  scaling: { color: '#0072B2', dash: '8 3 2 3' },
  change: { color: '#CC79A7', dash: '4 4' },
  traffic: { color: '#56B4E9', dash: '1 2' },
};

/** Glyph (drawn at the top of the line) and category of every event type. */
export const EVENT_STYLE: Record<EventType, { glyph: string; category: MarkerCategory }> = {
  killed: { glyph: '✕', category: 'failure' },
  restored: { glyph: '↺', category: 'recovery' },
  slowed: { glyph: '≈', category: 'failure' },
  linkCut: { glyph: '✂', category: 'failure' },
  linkRestored: { glyph: '⇄', category: 'recovery' },
  azLost: { glyph: '⊘', category: 'failure' },
  azRestored: { glyph: '⊙', category: 'recovery' },
  rateChanged: { glyph: '↗', category: 'traffic' },
  targetUnhealthy: { glyph: '!', category: 'health' },
  targetHealthy: { glyph: '✓', category: 'health' },
  scaleOut: { glyph: '▲', category: 'scaling' },
  scaleIn: { glyph: '▼', category: 'scaling' },
  instanceLaunched: { glyph: '+', category: 'scaling' },
  instanceInService: { glyph: '●', category: 'scaling' },
  instanceTerminated: { glyph: '−', category: 'scaling' },
  dnsRecordChanged: { glyph: '⌘', category: 'change' },
  topologyChanged: { glyph: '✎', category: 'change' },
};

export interface Marker {
  /** Simulated second of the first event merged into it. */
  time: number;
  type: EventType;
  /** Events merged into this marker. */
  count: number;
  /** Distinct nodes involved, in order of appearance. */
  nodes: string[];
}

/** Most markers drawn on one chart; older ones give way (the event log keeps them all). */
export const MAX_MARKERS = 40;

/**
 * Markers for the events in [from, to]: events of the same type closer than `mergeSec` to the
 * first of a run merge into one (an auto scaling group launching four instances is one ▲ ×4).
 * At most `max` markers, the latest kept.
 * @example markersFor(events, 0, 600, 3) // [{ time: 120, type: 'killed', count: 1, nodes: ['web-1'] }]
 */
export function markersFor(
  events: readonly SimEvent[],
  from: number,
  to: number,
  mergeSec: number,
  max = MAX_MARKERS,
): Marker[] {
  const open = new Map<EventType, Marker>();
  const out: Marker[] = [];
  for (const e of events) {
    if (!(e.time >= from && e.time <= to)) continue;
    const m = open.get(e.type);
    if (m && e.time - m.time <= mergeSec) {
      m.count++;
      if (e.node !== undefined && !m.nodes.includes(e.node)) m.nodes.push(e.node);
      continue;
    }
    const next: Marker = {
      time: e.time,
      type: e.type,
      count: 1,
      nodes: e.node === undefined ? [] : [e.node],
    };
    open.set(e.type, next);
    out.push(next);
  }
  out.sort((a, b) => a.time - b.time);
  return out.slice(-max);
}
