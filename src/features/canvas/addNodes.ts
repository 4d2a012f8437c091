/** Adding nodes from the palette: by drag and drop onto the canvas, or at the view's centre. */
import { useReactFlow, useStoreApi, type XYPosition } from '@xyflow/react';
import { useCallback } from 'react';
import { KIND_IDS, type KindId, type Topology } from '../../core/model';
import { useTopologyStore } from '../../state/topologyStore';
import { motionMs } from '../../ui/motion';
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
 * slot in `SLOTS` order.
 */
export function freeSpot(topo: Topology, p: XYPosition): XYPosition {
  const dx = CARD_WIDTH + 5 * GRID;
  const dy = CARD_HEIGHT + 4 * GRID;
  const free = (q: XYPosition) =>
    !topo.nodes.some((n) => Math.abs(n.x - q.x) < dx - GRID && Math.abs(n.y - q.y) < dy - GRID);
  for (const [i, j] of SLOTS) {
    const q = { x: p.x + i * dx, y: p.y + j * dy };
    if (free(q)) return q;
  }
  return p;
}

/**
 * How far (in flow units) the view must move so that `card` is inside `view` with `margin` to
 * spare; zero when it already is. A card larger than the view is centred.
 * @example revealOffset({ x: 0, y: 0, width: 500, height: 400 }, { x: 450, y: 0, width: 100, height: 50 }, 20).dx === 70
 */
export function revealOffset(view: Rect, card: Rect, margin: number): { dx: number; dy: number } {
  const axis = (v0: number, vSize: number, c0: number, cSize: number) => {
    if (cSize + 2 * margin > vSize) return c0 + cSize / 2 - (v0 + vSize / 2);
    if (c0 - margin < v0) return c0 - margin - v0;
    if (c0 + cSize + margin > v0 + vSize) return c0 + cSize + margin - (v0 + vSize);
    return 0;
  };
  return {
    dx: axis(view.x, view.width, card.x, card.width),
    dy: axis(view.y, view.height, card.y, card.height),
  };
}

/**
 * Adds a node of `kind` at the centre of the visible canvas (click / tap / Enter on the palette)
 * and, if it landed outside the view, pans just enough to show it.
 */
export function useAddAtCentre(): (kind: KindId) => string | null {
  const { screenToFlowPosition, getViewport, setViewport } = useReactFlow();
  const storeApi = useStoreApi();
  return useCallback(
    (kind) => {
      const dom = storeApi.getState().domNode;
      if (!dom) return null;
      const r = dom.getBoundingClientRect();
      const centre = screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      const topLeft = screenToFlowPosition({ x: r.left, y: r.top });
      const bottomRight = screenToFlowPosition({ x: r.right, y: r.bottom });
      const s = useTopologyStore.getState();
      const at = freeSpot(s.doc.present, cardOrigin(centre));
      const id = s.addNode(kind, at.x, at.y);
      const view = {
        x: topLeft.x,
        y: topLeft.y,
        width: bottomRight.x - topLeft.x,
        height: bottomRight.y - topLeft.y,
      };
      const { dx, dy } = revealOffset(
        view,
        { x: at.x, y: at.y, width: CARD_WIDTH, height: CARD_HEIGHT },
        2 * GRID,
      );
      if (dx !== 0 || dy !== 0) {
        const vp = getViewport();
        void setViewport(
          { x: vp.x - dx * vp.zoom, y: vp.y - dy * vp.zoom, zoom: vp.zoom },
          { duration: motionMs(200) },
        );
      }
      return id;
    },
    [screenToFlowPosition, getViewport, setViewport, storeApi],
  );
}
