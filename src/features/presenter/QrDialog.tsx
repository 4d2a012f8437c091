import { useEffect, useState } from 'react';
import { LESSONS } from '../../core/scenarios/lessons';
import { useT } from '../../i18n';
import { useLessonStore } from '../../state/lessonStore';
import { useTopologyStore } from '../../state/topologyStore';
import { qrDataUrl, stepLink } from './qr';

type QrState = { link: string } & (
  { status: 'loading' } | { status: 'ready'; src: string } | { status: 'error'; message: string }
);

/** A large QR code of the current lesson step (its design included), for students' phones. */
export function QrDialog() {
  const t = useT();
  const lessonId = useLessonStore((s) => s.lessonId);
  const step = useLessonStore((s) => s.step);
  const close = useLessonStore((s) => s.setQrOpen);
  // The design as it is when the code is asked for: a later edit needs a new code.
  const [link] = useState(() =>
    lessonId
      ? stepLink(window.location.href, useTopologyStore.getState().doc.present, {
          id: lessonId,
          step,
        })
      : null,
  );
  const [qr, setQr] = useState<QrState | null>(null);
  useEffect(() => {
    if (!link) return;
    let live = true;
    qrDataUrl(link).then(
      (src) => live && setQr({ link, status: 'ready', src }),
      (e: unknown) =>
        live &&
        setQr({ link, status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [link]);
  if (!link || !lessonId) return null;
  const n = LESSONS.findIndex((l) => l.id === lessonId) + 1;
  const state = qr ?? { status: 'loading' as const };
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="qr-title"
      data-testid="presenter-qr"
      className="absolute inset-0 z-50 flex items-center justify-center bg-black/60"
      onClick={() => close(false)}
    >
      <div
        className="flex flex-col items-center gap-4 rounded-xl bg-white p-6 text-black"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="qr-title" className="text-[28px] font-bold">
          {t('presenter.qrTitle')}
        </h2>
        {state.status === 'ready' && (
          <img
            src={state.src}
            alt={t('presenter.qrAlt', { n: t.num(n), step: t.num(step + 1) })}
            data-testid="presenter-qr-image"
            className="h-[min(60vh,28rem)] w-[min(60vh,28rem)] [image-rendering:pixelated]"
          />
        )}
        {state.status === 'loading' && <p>{t('presenter.qrLoading')}</p>}
        {state.status === 'error' && (
          <p role="alert">{t('presenter.qrError', { message: state.message })}</p>
        )}
        <button
          type="button"
          autoFocus
          className="h-11 rounded-md border border-black/30 px-4 text-[20px]"
          onClick={() => close(false)}
        >
          {t('presenter.qrClose')}
        </button>
      </div>
    </div>
  );
}
