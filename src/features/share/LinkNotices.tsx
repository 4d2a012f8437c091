import { msg, useT } from '../../i18n';
import { useNoticeStore } from '../../state/noticeStore';
import { restorePreviousWorkspace, useShareStore } from '../../state/shareStore';
import { Icon } from '../../ui/Icon';

const BANNER = 'flex flex-wrap items-start gap-x-3 gap-y-2 border-b px-3 py-2.5 text-[15px]';

/**
 * Banners under the header: why the link in the address could not be opened (the workspace is
 * untouched), and, after a link replaced the workspace, the offer to bring the previous one back.
 */
export function LinkNotices() {
  const t = useT();
  const linkError = useShareStore((s) => s.linkErrorText);
  const restoreOffer = useShareStore((s) => s.restoreOffer);
  const backupFailed = useShareStore((s) => s.backupFailed);
  const dismissLinkError = useShareStore((s) => s.dismissLinkError);
  const dismissRestore = useShareStore((s) => s.dismissRestore);

  return (
    <>
      {linkError && (
        <div
          role="alert"
          data-testid="link-error"
          className={`${BANNER} border-danger bg-danger-soft`}
        >
          <Icon name="alert" className="mt-0.5 shrink-0 text-danger" />
          <div className="min-w-0 flex-1">
            <p className="font-semibold">{t('share.linkErrorTitle')}</p>
            <p className="break-words" data-testid="link-error-message">
              {t.text(linkError)}
            </p>
            <p className="text-muted">{t('share.linkErrorKept')}</p>
          </div>
          <button
            type="button"
            onClick={dismissLinkError}
            className="rounded-md px-2 py-1 text-sm font-medium hover:bg-surface-2"
          >
            {t('share.dismiss')}
          </button>
        </div>
      )}
      {(restoreOffer || backupFailed) && (
        <div
          role="status"
          data-testid="link-restore"
          className={`${BANNER} border-border bg-surface`}
        >
          <Icon name="info" className="mt-0.5 shrink-0 text-accent" />
          <p className="min-w-0 flex-1">
            {backupFailed ? t('share.backupFailed') : t('share.restoreText')}
          </p>
          <div className="flex flex-wrap gap-2">
            {restoreOffer && (
              <button
                type="button"
                data-testid="link-restore-button"
                onClick={() => {
                  if (restorePreviousWorkspace())
                    useNoticeStore.getState().push(msg('share.restored'));
                }}
                className="rounded-md bg-accent px-3 py-1 text-sm font-semibold text-accent-fg hover:opacity-90"
              >
                {t('share.restoreButton')}
              </button>
            )}
            <button
              type="button"
              onClick={dismissRestore}
              className="rounded-md px-2 py-1 text-sm font-medium hover:bg-surface-2"
            >
              {backupFailed && !restoreOffer ? t('share.dismiss') : t('share.restoreKeep')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
