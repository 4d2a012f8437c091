import { useEffect } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { dismissSimNotice, useSimStore, type NoticeKind } from '../../state/simStore';
import { formatClock } from './format';

const KEYS: Record<NoticeKind, MessageKey> = {
  crashed: 'sim.notice.crashed',
  hung: 'sim.notice.hung',
  fallback: 'sim.notice.fallback',
  failed: 'sim.notice.failed',
  error: 'sim.notice.error',
};

/** Restart notices fade after this long; failures stay until dismissed. */
const AUTO_DISMISS_MS = 12_000;

/** What happened to the simulation (restarted, fell back, failed), as a polite status message. */
export function SimNoticeBanner() {
  const t = useT();
  const notice = useSimStore((s) => s.notice);
  const lasting = notice?.kind === 'failed' || notice?.kind === 'error';
  useEffect(() => {
    if (!notice || lasting) return;
    const timer = setTimeout(dismissSimNotice, AUTO_DISMISS_MS);
    return () => clearTimeout(timer);
  }, [notice, lasting]);
  return (
    // Floats over the canvas below the bar, so a notice does not push the layout around.
    <div
      role="status"
      aria-live="polite"
      data-testid="sim-notice-region"
      className="absolute top-full left-0 z-30 w-max max-w-[min(36rem,calc(100vw-1.5rem))]"
    >
      {notice && (
        <div
          data-testid="sim-notice"
          data-kind={notice.kind}
          className={`mt-2 flex items-start gap-2 rounded-md border px-2 py-1 text-sm text-fg shadow-pop ${
            lasting ? 'border-danger bg-danger-soft' : 'border-warn bg-warn-soft'
          }`}
        >
          <span className="flex-1">
            {t(KEYS[notice.kind], {
              time: formatClock(notice.time),
              detail: notice.detail ?? '',
            })}
          </span>
          <button
            type="button"
            className="rounded px-1 font-semibold text-muted hover:text-fg"
            aria-label={t('notice.dismiss')}
            title={t('notice.dismiss')}
            onClick={dismissSimNotice}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
