import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { qrSvg, svgDataUrl, type QrLevel } from './qr';

type QrState = { text: string; src: string } | { text: string; error: string } | null;

/** The QR code of a link, drawn once the `qrcode` package has loaded (it is not in the main bundle). */
export function QrCode({ text, level }: { text: string; level: QrLevel }) {
  const t = useT();
  const [state, setState] = useState<QrState>(null);

  useEffect(() => {
    let cancelled = false;
    import('qrcode')
      .then((mod) => {
        if (!cancelled) setState({ text, src: svgDataUrl(qrSvg(text, level, mod.create)) });
      })
      .catch((e: unknown) => {
        if (!cancelled) setState({ text, error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [text, level]);

  const current = state?.text === text ? state : null;
  if (current && 'error' in current)
    return (
      <p role="alert" className="text-sm text-danger">
        {t('share.qrFailed', { reason: current.error })}
      </p>
    );
  return (
    <figure className="mx-auto flex w-56 flex-col items-center gap-2">
      {current ? (
        <img
          src={current.src}
          alt={t('share.qrAlt')}
          data-testid="share-qr"
          width={224}
          height={224}
          className="size-56 rounded-md border border-border [image-rendering:pixelated]"
        />
      ) : (
        <div
          className="flex size-56 items-center justify-center rounded-md border border-dashed border-border text-sm text-muted"
          aria-busy="true"
        >
          {t('share.qrLoading')}
        </div>
      )}
      <figcaption className="text-center text-sm text-muted">{t('share.qrHint')}</figcaption>
    </figure>
  );
}
