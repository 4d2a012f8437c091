import { getBezierPath, useStore, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useSimStore } from '../../state/simStore';
import { LinkEdge } from '../canvas/LinkEdge';
import type { LinkEdgeType } from '../canvas/flowMapping';
import { useReducedMotion } from './useReducedMotion';
import { DOT_TRAVEL_SEC, MIN_DOT_ZOOM, bandWidth, dotCount, linkRate } from './edgeLoad';

/**
 * A link drawn by the traffic it carries: a translucent band (width ∝ log req/s) under the
 * editor's link, and request dots moving caller → callee while the simulation plays (none under
 * prefers-reduced-motion, when zoomed out too far to see them, or past the canvas's dot budget). Reads its own rate from the sim store; the canvas never re-renders
 * edges for it.
 */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<LinkEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [path] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  // Quantized so a frame re-renders an edge only when its picture changes.
  const width = useSimStore((s) => Math.round(bandWidth(linkRate(s.frame, id)) * 2) / 2);
  // Booleans and counts, not the zoom itself: panning and zooming must not re-render every edge.
  const visible = useStore((s) => s.transform[2] >= MIN_DOT_ZOOM);
  const links = useStore((s) => s.edges.length);
  const dots = useSimStore((s) =>
    s.playing && visible ? dotCount(linkRate(s.frame, id), links) : 0,
  );
  const reduced = useReducedMotion();
  const cut = props.data?.link.cut ?? false;
  return (
    <>
      {width > 0 && !cut && (
        <path
          d={path}
          fill="none"
          stroke="var(--accent)"
          strokeOpacity={0.2}
          strokeWidth={width + 2}
          strokeLinecap="round"
          pointerEvents="none"
          data-testid={`flow-${id}`}
          data-width={width}
        />
      )}
      <LinkEdge {...props} />
      {!reduced &&
        !cut &&
        Array.from({ length: dots }, (_, i) => (
          <circle key={i} r={3} fill="var(--accent)" pointerEvents="none" className="flow-dot">
            <animateMotion
              dur={`${DOT_TRAVEL_SEC}s`}
              begin={`${(-i * DOT_TRAVEL_SEC) / dots}s`}
              repeatCount="indefinite"
              path={path}
            />
          </circle>
        ))}
    </>
  );
});
