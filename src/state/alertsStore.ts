/**
 * The 90 % alerts: watches every CPU node's utilization (and each group's, and the hottest
 * node's) frame by frame, keeps the time each spent at or above the line, and holds the alerts
 * standing now plus the last announcement for the shared aria-live region.
 * Fed by `startAlertWatch()` from the sim store's flushed frames (≤ 10 Hz).
 */
import { create } from 'zustand';
import type { Text, Topology } from '../core/model';
import type { SimFrame } from '../core/sim';
import {
  ALERT_SUSTAIN_SEC,
  ALERT_THRESHOLD,
  emptyWatch,
  observe,
  type AlertChange,
  type WatchState,
} from './alerts';
import { nodeGroups, utilizationSamples, type NodeGroup } from './alertsGroups';
import { msg } from '../i18n';
import { useSimStore } from './simStore';
import { useTopologyStore } from './topologyStore';

export interface ActiveAlert {
  /** Node id. */
  node: string;
  /** Simulated second the breach began. */
  since: number;
  /** Simulated second the alert was raised. */
  raisedAt: number;
  /** Utilization when raised. */
  value: number;
  /** Hidden from the banner by the user; it stays in the table until it clears. */
  dismissed: boolean;
}

export interface Announcement {
  /** Increments with each announcement so the same words are spoken again. */
  id: number;
  text: Text;
}

export interface AlertsState {
  watch: WatchState;
  active: ActiveAlert[];
  announcement: Announcement | null;
}

const initial = (): AlertsState => ({ watch: emptyWatch(), active: [], announcement: null });

export const useAlertsStore = create<AlertsState>()(initial);

let announcementId = 0;

const nodeName = (topology: Topology, id: string): string => {
  const label = topology.nodes.find((n) => n.id === id)?.label.trim();
  return label ? label : id;
};

const percent = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) : 0);

function describeChanges(changes: AlertChange[], topology: Topology): Text | null {
  const parts = changes.map((c) =>
    c.type === 'raised'
      ? msg('monitor.alert.raised', {
          node: nodeName(topology, c.key),
          value: percent(c.value),
          threshold: percent(ALERT_THRESHOLD),
          minutes: ALERT_SUSTAIN_SEC / 60,
        })
      : msg('monitor.alert.cleared', {
          node: nodeName(topology, c.key),
          threshold: percent(ALERT_THRESHOLD),
        }),
  );
  if (parts.length === 0) return null;
  return { en: parts.map((p) => p.en).join(' '), ko: parts.map((p) => p.ko).join(' ') };
}

let groupsCache: { topology: Topology; groups: NodeGroup[] } | null = null;
const groupsOf = (topology: Topology) => {
  if (groupsCache?.topology !== topology) groupsCache = { topology, groups: nodeGroups(topology) };
  return groupsCache.groups;
};

/** Feeds one frame to the watch (exported for tests; the app calls it through startAlertWatch). */
export function observeAlertFrame(frame: SimFrame, topology: Topology): void {
  const samples = utilizationSamples(frame, topology, groupsOf(topology));
  const s = useAlertsStore.getState();
  const { state, changes } = observe(s.watch, frame.time, samples);
  // Only nodes raise alerts; groups and the hottest node are watched for their time above.
  const nodeChanges = changes.filter((c) => topology.nodes.some((n) => n.id === c.key));
  let active = s.active;
  if (changes.length > 0) {
    const cleared = new Set(changes.filter((c) => c.type === 'cleared').map((c) => c.key));
    active = active.filter((a) => !cleared.has(a.node));
    for (const c of nodeChanges)
      if (c.type === 'raised')
        active = [
          ...active,
          { node: c.key, since: c.since, raisedAt: c.time, value: c.value, dismissed: false },
        ];
  }
  const text = describeChanges(nodeChanges, topology);
  useAlertsStore.setState({
    watch: state,
    active,
    ...(text ? { announcement: { id: ++announcementId, text } } : {}),
  });
}

/**
 * Speaks a message through the app's one assertive live region (rendered by the metrics panel).
 * For urgent news only: alerts, failures.
 */
export function announce(text: Text): void {
  useAlertsStore.setState({ announcement: { id: ++announcementId, text } });
}

/** Hides an alert from the banner (it comes back if it clears and is raised again). */
export function dismissAlert(node: string): void {
  useAlertsStore.setState((s) => ({
    active: s.active.map((a) => (a.node === node ? { ...a, dismissed: true } : a)),
  }));
}

export function resetAlertsStore(): void {
  groupsCache = null;
  useAlertsStore.setState(initial(), true);
}

/**
 * Watches the sim store's frames until the returned function is called. Returns immediately
 * after observing the current frame, if any.
 */
export function startAlertWatch(): () => void {
  const topology = () => useTopologyStore.getState().doc.present;
  const first = useSimStore.getState().frame;
  if (first) observeAlertFrame(first, topology());
  return useSimStore.subscribe((s, prev) => {
    if (s.frame && s.frame !== prev.frame) observeAlertFrame(s.frame, topology());
  });
}

/** Seconds a watched series (node id, `group:web`, `any`) has spent at or above the line. */
export function useTimeAbove(key: string): number {
  return useAlertsStore((s) => s.watch.entries.get(key)?.timeAbove ?? 0);
}

/** Whether an alert stands for the node. */
export function useNodeAlerted(node: string): boolean {
  return useAlertsStore((s) => s.active.some((a) => a.node === node));
}
