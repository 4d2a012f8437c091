/**
 * Topology → React Flow nodes and edges. The mappers remember their last output and hand back
 * the same objects for unchanged items, so React Flow (which compares by identity) only
 * re-measures and re-renders what actually changed.
 */
import { MarkerType, type Edge, type Node, type XYPosition } from '@xyflow/react';
import type { Link, TopologyNode } from '../../core/model';

export type NodeData = { node: TopologyNode };
export type CardNode = Node<NodeData, 'card'>;
export type LinkData = { link: Link };
export type LinkEdgeType = Edge<LinkData, 'link'>;

export interface Size {
  width: number;
  height: number;
}

/** Width of a node card; the card's CSS uses the same number. */
export const CARD_WIDTH = 230;
/** A typical card height, for centring a dropped node on the pointer. */
export const CARD_HEIGHT = 110;
export const GRID = 10;

export class NodeMapper {
  private last = new Map<string, CardNode>();

  map(
    nodes: readonly TopologyNode[],
    selected: ReadonlySet<string>,
    dragging: ReadonlyMap<string, XYPosition>,
    measured: ReadonlyMap<string, Size>,
  ): CardNode[] {
    const next = new Map<string, CardNode>();
    const out = nodes.map((n) => {
      const prev = this.last.get(n.id);
      const pos = dragging.get(n.id) ?? { x: n.x, y: n.y };
      const sel = selected.has(n.id);
      const size = measured.get(n.id);
      const same =
        prev !== undefined &&
        prev.data.node === n &&
        prev.selected === sel &&
        prev.position.x === pos.x &&
        prev.position.y === pos.y &&
        prev.measured === size;
      const rf: CardNode = same
        ? prev
        : {
            id: n.id,
            type: 'card',
            position: { x: pos.x, y: pos.y },
            data: { node: n },
            selected: sel,
            // React Flow keeps a node's measured size on the node object; without it every new
            // object would be re-measured and edges would flicker.
            ...(size ? { measured: size } : {}),
          };
      next.set(n.id, rf);
      return rf;
    });
    this.last = next;
    return out;
  }
}

const arrow = (color: string) => ({
  type: MarkerType.ArrowClosed,
  width: 18,
  height: 18,
  color,
});

export class EdgeMapper {
  private last = new Map<string, LinkEdgeType>();

  map(links: readonly Link[], selected: ReadonlySet<string>): LinkEdgeType[] {
    const next = new Map<string, LinkEdgeType>();
    const out = links.map((l) => {
      const prev = this.last.get(l.id);
      const sel = selected.has(l.id);
      const edge: LinkEdgeType =
        prev && prev.data?.link === l && prev.selected === sel
          ? prev
          : {
              id: l.id,
              type: 'link',
              source: l.from,
              target: l.to,
              data: { link: l },
              selected: sel,
              markerEnd: arrow(sel ? 'var(--accent)' : 'var(--edge)'),
            };
      next.set(l.id, edge);
      return edge;
    });
    this.last = next;
    return out;
  }
}

/** Rounds a flow position to the snap grid. */
export const snap = (p: XYPosition): XYPosition => ({
  x: Math.round(p.x / GRID) * GRID,
  y: Math.round(p.y / GRID) * GRID,
});
