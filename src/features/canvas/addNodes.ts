/** Adding nodes from the palette: by drag and drop onto the canvas, or at the view's centre. */
import { useReactFlow, useStoreApi, type XYPosition } from '@xyflow/react';
import { useCallback } from 'react';
import { KIND_IDS, type KindId, type Topology } from '../../core/model';
import { useTopologyStore } from '../../state/topologyStore';
import { CARD_HEIGHT, CARD_WIDTH, GRID, snap } from './flowMapping';

/** The drag-and-drop payload type of a palette item. */
export const KIND_MIME = 'application/x-scale-out-lab-kind';

export const isKindId = (v: string): v is KindId => (KIND_IDS as readonly string[]).includes(v);

/** Top-left corner of a card centred on `p`, on the grid. */
export const cardOrigin = (p: XYPosition): XYPosition =>
  snap({ x: p.x - CARD_WIDTH / 2, y: p.y - CARD_HEIGHT / 2 });

/**
 * Slot offsets (columns, rows) in the order they are tried: to the right along the rows below
 * and above first (diagrams here read left to right, callers first), to the left last.
 */
const SLOTS: readonly [number, number][] = (() => {
  const rows = [0, 1, -1, 2, -2, 3, -3];
  const right = rows.flatMap((j) => [0, 1, 2, 3].map((i): [number, number] => [i, j]));
  const left = rows.flatMap((j) => [-1, -2, -3].map((i): [number, number] => [i, j]));
  return [...right, ...left];
})();

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a card added "at the centre" goes: `p` itself if no card is there, else the next free
 * slot in `SLOTS` order. Slots inside `visible` (the part of the canvas on screen) are preferred,
 * so a new card never lands behind a panel while there is room in view.
 */
export function freeSpot(topo: Topology, p: XYPosition, visible?: Rect): XYPosition {
  const dx = CARD_WIDTH + 5 * GRID;
  const dy = CARD_HEIGHT + 4 * GRID;
  const free = (q: XYPosition) =>
    !topo.nodes.some((n) => Math.abs(n.x - q.x) < dx - GRID && Math.abs(n.y - q.y) < dy - GRID);
  const inView = (q: XYPosition) =>
    !visible ||
    (q.x >= visible.x &&
      q.y >= visible.y &&
      q.x + CARD_WIDTH <= visible.x + visible.width &&
      q.y + CARD_HEIGHT <= visible.y + visible.height);
  const slots = SLOTS.map(([i, j]) => ({ x: p.x + i * dx, y: p.y + j * dy }));
  return slots.find((q) => inView(q) && free(q)) ?? slots.find(free) ?? p;
}

/** Adds a node of `kind` at the centre of the visible canvas (click / tap / Enter on the palette). */
export function useAddAtCentre(): (kind: KindId) => string | null {
  const { screenToFlowPosition } = useReactFlow();
  const storeApi = useStoreApi();
  return useCallback(
    (kind) => {
      const dom = storeApi.getState().domNode;
      if (!dom) return null;
      const r = dom.getBoundingClientRect();
      const centre = screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      const topLeft = screenToFlowPosition({ x: r.left, y: r.top });
      const bottomRight = screenToFlowPosition({ x: r.right, y: r.bottom });
      const visible = {
        x: topLeft.x,
        y: topLeft.y,
        width: bottomRight.x - topLeft.x,
        height: bottomRight.y - topLeft.y,
      };
      const s = useTopologyStore.getState();
      const at = freeSpot(s.doc.present, cardOrigin(centre), visible);
      return s.addNode(kind, at.x, at.y);
    },
    [screenToFlowPosition, storeApi],
  );
}
