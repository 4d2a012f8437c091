import { useEffect } from 'react';
import { useT } from '../../i18n';
import { useNoticeStore, type Toast } from '../../state/noticeStore';
import { Icon } from '../../ui/Icon';

const TONE: Record<Toast['tone'], string> = {
  info: 'border-border-strong',
  warning: 'border-warn bg-warn-soft',
  error: 'border-danger bg-danger-soft',
};

/** Short messages at the bottom of the canvas (a refused link, a save that could not be read). */
export function Toasts() {
  const t = useT();
  const toasts = useNoticeStore((s) => s.toasts);
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label={t('notice.region')}
      data-testid="toasts"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-3"
    >
      {toasts.map((toast) => (
        <ToastView key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastView({ toast }: { toast: Toast }) {
  const t = useT();
  const dismiss = useNoticeStore((s) => s.dismiss);
  useEffect(() => {
    if (toast.ttlMs === null) return;
    const timer = setTimeout(() => dismiss(toast.id), toast.ttlMs);
    return () => clearTimeout(timer);
  }, [toast.id, toast.ttlMs, dismiss]);
  return (
    <div
      data-testid="toast"
      data-tone={toast.tone}
      className={`pointer-events-auto flex w-full max-w-lg items-start gap-3 rounded-lg border bg-surface px-4 py-3 text-[15px] leading-snug text-fg shadow-pop ${TONE[toast.tone]}`}
    >
      <Icon
        name={toast.tone === 'info' ? 'info' : 'alert'}
        className={`mt-0.5 shrink-0 ${toast.tone === 'error' ? 'text-danger' : toast.tone === 'warning' ? 'text-warn' : 'text-accent'}`}
      />
      <p className="min-w-0 flex-1 break-words">{t.text(toast.text)}</p>
      <button
        type="button"
        aria-label={t('notice.dismiss')}
        title={t('notice.dismiss')}
        onClick={() => dismiss(toast.id)}
        className="-m-1 shrink-0 rounded p-1 text-muted hover:bg-surface-2 hover:text-fg"
      >
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
