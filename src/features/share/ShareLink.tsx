import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { currentLessonRef, useLessonMention } from '../../state/shareLesson';
import { shareUrl } from '../../state/shareLink';
import { useTopology } from '../../state/topologyStore';
import { QrCode } from './QrCode';
import { CHAT_LINK_CHARS, QR_CAPACITY, linkFit } from './qr';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies with the Clipboard API, or by selecting the field and the old copy command. */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** The share link of the current run: the field, Copy, length warnings and the QR code. */
export function ShareLink() {
  const t = useT();
  const topology = useTopology();
  const { getViewport } = useReactFlow();
  // The panel is modal: the viewport cannot change while it is open.
  const [view] = useState(getViewport);
  const lesson = currentLessonRef();
  const mention = useLessonMention();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<{ url: string; state: CopyState }>({ url: '', state: 'idle' });

  const lessonId = lesson?.id;
  const lessonStep = lesson?.step;
  const url = useMemo(
    () =>
      shareUrl(window.location.href, {
        topology,
        view,
        lesson: lessonId === undefined ? undefined : { id: lessonId, step: lessonStep ?? 0 },
      }),
    [topology, view, lessonId, lessonStep],
  );
  const fit = linkFit(url);
  const copyState = copy.url === url ? copy.state : 'idle';

  const onCopy = async () => {
    const ok = await copyText(url, field.current);
    if (!ok) {
      field.current?.focus();
      field.current?.select();
    }
    setCopy({ url, state: ok ? 'copied' : 'failed' });
  };

  return (
    <section className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto]">
      <div className="flex min-w-0 flex-col gap-3">
        <p className="text-sm text-muted">{t('share.intro')}</p>
        <div className="flex flex-col gap-1.5">
          <div className="flex items-baseline justify-between gap-2">
            <label htmlFor="share-link" className="text-sm font-medium">
              {t('share.link')}
            </label>
            <span className="text-xs text-muted" data-testid="share-length">
              {t('share.length', { chars: t.num(url.length) })}
            </span>
          </div>
          <div className="flex gap-2">
            <input
              id="share-link"
              ref={field}
              readOnly
              value={url}
              data-testid="share-link"
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-border bg-bg px-2 py-1.5 font-mono text-sm"
            />
            <button
              type="button"
              onClick={() => void onCopy()}
              data-testid="share-copy"
              className="shrink-0 rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg hover:opacity-90"
            >
              {t('share.copy')}
            </button>
          </div>
          <p aria-live="polite" className="min-h-5 text-sm" data-testid="share-copy-status">
            {copyState === 'copied' && <span className="text-accent">{t('share.copied')}</span>}
            {copyState === 'failed' && <span className="text-danger">{t('share.copyFailed')}</span>}
          </p>
          {mention && (
            <p className="text-sm text-muted">
              {t('share.lessonIncluded', { lesson: mention.title, step: mention.step + 1 })}
            </p>
          )}
        </div>
        {fit.warnings.length > 0 && (
          <ul className="flex flex-col gap-1.5" data-testid="share-warnings">
            {fit.warnings.map((w) => (
              <li
                key={w}
                data-testid={`share-warning-${w}`}
                className="rounded-md border border-warn bg-warn-soft px-3 py-2 text-sm"
              >
                {w === 'qrDense' && t('share.qrDense', { bytes: t.num(fit.bytes) })}
                {w === 'qrTooLong' &&
                  t('share.qrTooLong', { bytes: t.num(fit.bytes), max: t.num(QR_CAPACITY.L) })}
                {w === 'chatTooLong' &&
                  t('share.chatTooLong', { chars: t.num(url.length), max: t.num(CHAT_LINK_CHARS) })}
              </li>
            ))}
          </ul>
        )}
      </div>
      {fit.level && <QrCode text={url} level={fit.level} />}
    </section>
  );
}
