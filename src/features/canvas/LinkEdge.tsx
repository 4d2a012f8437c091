import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../i18n';
import { useTopologyStore } from '../../state/topologyStore';
import { Icon } from '../../ui/Icon';
import type { LinkEdgeType } from './flowMapping';

/** A directed link (arrow at the callee); dashed when cut; a delete button while selected. */
export const LinkEdge = memo(function LinkEdge({
  id,
  data,
  selected,
  markerEnd,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
}: EdgeProps<LinkEdgeType>) {
  const t = useT();
  const disconnect = useTopologyStore((s) => s.disconnect);
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const cut = data?.link.cut ?? false;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={24}
        style={{
          stroke: selected ? 'var(--accent)' : 'var(--edge)',
          strokeWidth: selected ? 3 : 2,
          strokeDasharray: cut ? '7 6' : undefined,
          opacity: cut ? 0.75 : 1,
        }}
      />
      {selected && (
        <EdgeLabelRenderer>
          <button
            type="button"
            data-testid={`delete-${id}`}
            aria-label={t('canvas.deleteLink')}
            title={t('canvas.deleteLink')}
            onClick={() => disconnect([id])}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            className="nodrag nopan pointer-events-auto absolute flex size-8 items-center justify-center rounded-full border border-border-strong bg-surface text-danger shadow-card hover:bg-danger-soft"
          >
            <Icon name="trash" size={16} />
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
