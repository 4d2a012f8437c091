import { useT } from '../../i18n';
import { useShareStore } from '../../state/shareStore';
import { Icon } from '../../ui/Icon';

/** Stroke paths of the two header buttons (24 × 24). */
const SHARE_ICON = 'M4 13v6a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-6M16 7l-4-4-4 4M12 3v12';
const TEMPLATES_ICON = 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z';

const BUTTON =
  'inline-flex h-9 min-w-9 items-center justify-center gap-1.5 rounded-md px-2 text-sm font-medium text-fg transition-colors hover:bg-surface-2 aria-expanded:bg-accent-soft aria-expanded:text-accent';

/** The header buttons that open the template gallery and the share panel. */
export function ShareButtons() {
  const t = useT();
  const dialog = useShareStore((s) => s.dialog);
  const setDialog = useShareStore((s) => s.setDialog);
  return (
    <div className="ml-auto flex items-center gap-1 xl:ml-0">
      <button
        type="button"
        className={BUTTON}
        data-testid="templates-button"
        aria-haspopup="dialog"
        aria-expanded={dialog === 'templates'}
        title={t('templates.title')}
        onClick={() => setDialog('templates')}
      >
        <Icon path={TEMPLATES_ICON} />
        <span className="hidden sm:inline">{t('templates.button')}</span>
      </button>
      <button
        type="button"
        className={BUTTON}
        data-testid="share-button"
        aria-haspopup="dialog"
        aria-expanded={dialog === 'share'}
        title={t('share.title')}
        onClick={() => setDialog('share')}
      >
        <Icon path={SHARE_ICON} />
        <span className="hidden sm:inline">{t('share.button')}</span>
      </button>
    </div>
  );
}
