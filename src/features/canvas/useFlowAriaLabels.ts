/** React Flow's built-in screen-reader texts, in the app's language. */
import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useT, type MessageKey } from '../../i18n';

const DIRECTIONS: Record<string, MessageKey> = {
  up: 'dir.up',
  down: 'dir.down',
  left: 'dir.left',
  right: 'dir.right',
};

export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const t = useT();
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('rf.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('rf.nodeHelp'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => {
        const dir = DIRECTIONS[direction];
        return t('rf.nodeMoved', { direction: dir ? t(dir) : direction, x, y });
      },
      'edge.a11yDescription.default': t('rf.edgeHelp'),
      'controls.ariaLabel': t('rf.controls'),
      'controls.zoomIn.ariaLabel': t('rf.zoomIn'),
      'controls.zoomOut.ariaLabel': t('rf.zoomOut'),
      'controls.fitView.ariaLabel': t('rf.fitView'),
      'controls.interactive.ariaLabel': t('rf.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('rf.handle'),
    }),
    [t],
  );
}
