/**
 * The document store: the topology under undo/redo, the selection, the clipboard and the last
 * refusal. Every edit goes through a pure operation from the core model; this store only records
 * the results, so the same edits behave identically in tests, the CLI and the app.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import {
  LIMITS,
  addNode as addNodeOp,
  connect as connectOp,
  deleteItems as deleteItemsOp,
  disconnect as disconnectOp,
  duplicate as duplicateOp,
  emptyTopology,
  extractFragment,
  fill,
  initHistory,
  moveNodes as moveNodesOp,
  pasteFragment,
  record,
  redo as redoOp,
  setLabel as setLabelOp,
  setLinkField as setLinkFieldOp,
  setParam as setParamOp,
  t,
  undo as undoOp,
  type EditResult,
  type Fragment,
  type History,
  type KindId,
  type ScenarioEvent,
  type Text,
  type Topology,
} from '../core/model';
import type { MechanicsResult } from '../core/model/mechanics';
import { useNoticeStore } from './noticeStore';

export interface Selection {
  nodes: readonly string[];
  links: readonly string[];
}

export type LinkField = 'latencyMs' | 'weight' | 'cut';

/** How far each successive paste of the same clipboard lands from the last one. */
export const PASTE_OFFSET = 30;

export interface TopologyState {
  doc: History<Topology>;
  selection: Selection;
  clipboard: Fragment | null;
  /** Why the last refused edit was refused (cleared by the next successful edit). */
  lastRefusal: Text | null;
  /**
   * Edits that carry the same merge key as the previous edit replace it instead of adding an undo
   * step, so typing "150" into a field is one undo step, not three. Any other edit ends the run.
   */
  mergeKey: string | null;
  pasteCount: number;

  addNode: (kind: KindId, x: number, y: number) => string;
  connect: (from: string, to: string) => Text | null;
  disconnect: (linkIds: readonly string[]) => void;
  /** Records one undo step for a whole drag (call at drag end, not per mouse move). */
  moveNodes: (positions: ReadonlyMap<string, { x: number; y: number }>) => void;
  setParam: (nodeId: string, key: string, value: unknown, mergeKey?: string) => Text | null;
  setLabel: (nodeId: string, label: string, mergeKey?: string) => Text | null;
  setLinkField: (
    linkId: string,
    field: LinkField,
    value: number | boolean | null,
    mergeKey?: string,
  ) => Text | null;
  setName: (name: string, mergeKey?: string) => Text | null;
  deleteItems: (nodeIds: readonly string[], linkIds?: readonly string[]) => void;
  deleteSelection: () => void;
  setSelection: (selection: Selection) => void;
  copy: () => boolean;
  paste: () => string[];
  duplicate: () => string[];
  undo: () => void;
  redo: () => void;
  /** Loads a document (a restored save, a file, a lesson); undoable unless `resetHistory`. */
  replaceTopology: (topology: Topology, options?: { resetHistory?: boolean }) => void;
  /** Records a scale-out mechanic (split, replica, shards, launch) and selects what it created. */
  applyMechanic: (result: MechanicsResult) => Text | null;
  /** Adds a failure/traffic event to the saved scenario (kept sorted by time). */
  addScenarioEvent: (event: ScenarioEvent) => Text | null;
  /** Removes the scenario event at `index`. */
  removeScenarioEvent: (index: number) => void;
}

const EMPTY_SELECTION: Selection = { nodes: [], links: [] };

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** Drops selected ids that no longer exist; returns the same object when nothing changed. */
function pruneSelection(sel: Selection, topo: Topology): Selection {
  const nodeIds = new Set(topo.nodes.map((n) => n.id));
  const linkIds = new Set(topo.links.map((l) => l.id));
  const nodes = sel.nodes.filter((id) => nodeIds.has(id));
  const links = sel.links.filter((id) => linkIds.has(id));
  if (nodes.length === sel.nodes.length && links.length === sel.links.length) return sel;
  return nodes.length === 0 && links.length === 0 ? EMPTY_SELECTION : { nodes, links };
}

const initialState = () => ({
  doc: initHistory(emptyTopology()),
  selection: EMPTY_SELECTION,
  clipboard: null,
  lastRefusal: null,
  mergeKey: null,
  pasteCount: 0,
});

export const useTopologyStore = create<TopologyState>()((set, get) => {
  /** Records `next` as one undo step (or merges it into the previous one). */
  const commit = (next: Topology, extra: Partial<TopologyState> = {}, mergeKey?: string) => {
    set((s) => {
      if (next === s.doc.present) return s;
      const merge = mergeKey !== undefined && mergeKey === s.mergeKey && s.doc.past.length > 0;
      const doc = merge ? { ...s.doc, present: next } : record(s.doc, next);
      return {
        ...extra,
        doc,
        mergeKey: mergeKey ?? null,
        lastRefusal: null,
        selection: pruneSelection(extra.selection ?? s.selection, next),
      };
    });
  };

  const refuse = (reason: Text): Text => {
    set({ lastRefusal: reason });
    return reason;
  };

  const applyResult = (r: EditResult, mergeKey?: string): Text | null => {
    if (!r.ok) return refuse(r.reason);
    commit(r.topology, {}, mergeKey);
    return null;
  };

  const present = () => get().doc.present;

  return {
    ...initialState(),

    addNode: (kind, x, y) => {
      const r = addNodeOp(present(), kind, x, y);
      commit(r.topology, { selection: { nodes: [r.id], links: [] } });
      return r.id;
    },

    connect: (from, to) => {
      const r = connectOp(present(), from, to);
      if (!r.ok) {
        useNoticeStore.getState().push(r.reason, 'warning');
        return refuse(r.reason);
      }
      commit(r.topology.topology);
      return null;
    },

    disconnect: (linkIds) => {
      if (linkIds.length > 0) commit(disconnectOp(present(), linkIds));
    },

    moveNodes: (positions) => {
      const changed = new Map<string, { x: number; y: number }>();
      for (const n of present().nodes) {
        const p = positions.get(n.id);
        if (p && (Math.round(p.x) !== n.x || Math.round(p.y) !== n.y)) changed.set(n.id, p);
      }
      if (changed.size > 0) commit(moveNodesOp(present(), changed));
    },

    setParam: (nodeId, key, value, mergeKey) =>
      applyResult(setParamOp(present(), nodeId, key, value), mergeKey),

    setLabel: (nodeId, label, mergeKey) =>
      applyResult(setLabelOp(present(), nodeId, label), mergeKey),

    setLinkField: (linkId, field, value, mergeKey) =>
      applyResult(setLinkFieldOp(present(), linkId, field, value), mergeKey),

    setName: (name, mergeKey) => {
      if (name.length > LIMITS.name)
        return refuse(
          fill(t('At most {n} characters.', '{n}자 이하여야 합니다.'), { n: LIMITS.name }),
        );
      if (name === present().name) return null;
      commit({ ...present(), name }, {}, mergeKey);
      return null;
    },

    deleteItems: (nodeIds, linkIds = []) => {
      if (nodeIds.length === 0 && linkIds.length === 0) return;
      commit(deleteItemsOp(present(), nodeIds, linkIds));
    },

    deleteSelection: () => {
      const { nodes, links } = get().selection;
      get().deleteItems(nodes, links);
    },

    setSelection: (selection) =>
      set((s) => {
        const next = pruneSelection(selection, s.doc.present);
        if (sameIds(next.nodes, s.selection.nodes) && sameIds(next.links, s.selection.links))
          return s;
        // A new selection ends any run of merged edits (the next field edit is a new undo step).
        return { selection: next, mergeKey: null };
      }),

    copy: () => {
      const { nodes } = get().selection;
      if (nodes.length === 0) return false;
      set({ clipboard: extractFragment(present(), nodes), pasteCount: 0 });
      return true;
    },

    paste: () => {
      const { clipboard, pasteCount } = get();
      if (!clipboard || clipboard.nodes.length === 0) return [];
      const offset = PASTE_OFFSET * (pasteCount + 1);
      const r = pasteFragment(present(), clipboard, offset, offset);
      commit(r.topology, {
        selection: { nodes: r.nodeIds, links: [] },
        pasteCount: pasteCount + 1,
      });
      return r.nodeIds;
    },

    duplicate: () => {
      const { nodes } = get().selection;
      if (nodes.length === 0) return [];
      const r = duplicateOp(present(), nodes);
      commit(r.topology, { selection: { nodes: r.nodeIds, links: [] } });
      return r.nodeIds;
    },

    undo: () =>
      set((s) => {
        const doc = undoOp(s.doc);
        if (doc === s.doc) return s;
        return { doc, mergeKey: null, selection: pruneSelection(s.selection, doc.present) };
      }),

    redo: () =>
      set((s) => {
        const doc = redoOp(s.doc);
        if (doc === s.doc) return s;
        return { doc, mergeKey: null, selection: pruneSelection(s.selection, doc.present) };
      }),

    replaceTopology: (topology, options = {}) => {
      if (options.resetHistory) {
        set({ ...initialState(), doc: initHistory(topology), clipboard: get().clipboard });
      } else {
        commit(topology, { selection: EMPTY_SELECTION });
      }
    },

    applyMechanic: (result) => {
      if (!result.ok) return refuse(result.reason);
      const { topology, created } = result.topology;
      commit(topology, created.length > 0 ? { selection: { nodes: created, links: [] } } : {});
      return null;
    },

    addScenarioEvent: (event) => {
      const topo = present();
      if (topo.scenario.events.length >= LIMITS.events)
        return refuse(
          fill(t('At most {n} scheduled events.', '예약 이벤트는 최대 {n}개입니다.'), {
            n: LIMITS.events,
          }),
        );
      const events = [...topo.scenario.events, event].sort((a, b) => a.atSec - b.atSec);
      commit({ ...topo, scenario: { ...topo.scenario, events } });
      return null;
    },

    removeScenarioEvent: (index) => {
      const topo = present();
      if (index < 0 || index >= topo.scenario.events.length) return;
      const events = topo.scenario.events.filter((_, i) => i !== index);
      commit({ ...topo, scenario: { ...topo.scenario, events } });
    },
  };
});

/** Puts the store back to an empty document (tests, "new workspace"). */
export const resetTopologyStore = () => useTopologyStore.setState(initialState());

/** The current document. */
export const useTopology = () => useTopologyStore((s) => s.doc.present);

/** Whether undo / redo / selection-dependent commands are available (for the toolbar). */
export const useEditFlags = () =>
  useTopologyStore(
    useShallow((s) => ({
      canUndo: s.doc.past.length > 0,
      canRedo: s.doc.future.length > 0,
      hasSelection: s.selection.nodes.length > 0 || s.selection.links.length > 0,
      hasNodeSelection: s.selection.nodes.length > 0,
    })),
  );

/** The actions only: a stable object, so components using it never re-render for data changes. */
export const useTopologyActions = () =>
  useTopologyStore(
    useShallow((s) => ({
      addNode: s.addNode,
      connect: s.connect,
      disconnect: s.disconnect,
      moveNodes: s.moveNodes,
      setParam: s.setParam,
      setLabel: s.setLabel,
      setLinkField: s.setLinkField,
      setName: s.setName,
      deleteItems: s.deleteItems,
      deleteSelection: s.deleteSelection,
      setSelection: s.setSelection,
      copy: s.copy,
      paste: s.paste,
      duplicate: s.duplicate,
      undo: s.undo,
      redo: s.redo,
      replaceTopology: s.replaceTopology,
    })),
  );
