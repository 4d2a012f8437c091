import { useReactFlow } from '@xyflow/react';
import { useT } from '../../i18n';
import { useEditFlags, useTopologyActions } from '../../state/topologyStore';
import { IconButton } from '../../ui/IconButton';
import { motionMs } from '../../ui/motion';

const isMac = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/** Undo, redo, delete, duplicate and fit view; each tooltip names its shortcut. */
export function Toolbar() {
  const t = useT();
  const { canUndo, canRedo, hasSelection, hasNodeSelection } = useEditFlags();
  const { undo, redo, deleteSelection, duplicate } = useTopologyActions();
  const { fitView } = useReactFlow();
  const mod = isMac() ? '⌘' : 'Ctrl';
  const tip = (action: string, keys: string) => t('toolbar.shortcut', { action, keys });
  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="flex items-center gap-0.5">
      <IconButton
        icon="undo"
        label={t('toolbar.undo')}
        title={tip(t('toolbar.undo'), `${mod}+Z`)}
        data-testid="undo"
        disabled={!canUndo}
        onClick={undo}
      />
      <IconButton
        icon="redo"
        label={t('toolbar.redo')}
        title={tip(t('toolbar.redo'), `${mod}+Shift+Z`)}
        data-testid="redo"
        disabled={!canRedo}
        onClick={redo}
      />
      <span className="mx-1 h-6 w-px bg-border" aria-hidden="true" />
      <IconButton
        icon="duplicate"
        label={t('toolbar.duplicate')}
        title={tip(t('toolbar.duplicate'), `${mod}+D`)}
        data-testid="duplicate"
        disabled={!hasNodeSelection}
        onClick={() => duplicate()}
      />
      <IconButton
        icon="trash"
        label={t('toolbar.delete')}
        title={tip(t('toolbar.delete'), 'Delete')}
        data-testid="delete"
        disabled={!hasSelection}
        onClick={deleteSelection}
      />
      <IconButton
        icon="fit"
        label={t('toolbar.fitView')}
        data-testid="fit-view"
        onClick={() => void fitView({ padding: 0.2, maxZoom: 1.2, duration: motionMs(250) })}
      />
    </div>
  );
}
