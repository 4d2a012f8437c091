import { useT } from '../../i18n';

/** What to do first, shown over an empty canvas (it never blocks pointer input). */
export function CanvasHint() {
  const t = useT();
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-6">
      <div
        data-testid="canvas-hint"
        className="max-w-sm rounded-xl border border-dashed border-border-strong bg-surface/85 px-5 py-4 text-center shadow-card backdrop-blur-sm"
      >
        <p className="text-lg font-semibold">{t('canvas.emptyTitle')}</p>
        <p className="mt-1 text-sm text-muted">{t('canvas.emptyBody')}</p>
      </div>
    </div>
  );
}
