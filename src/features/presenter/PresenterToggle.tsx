import { useT } from '../../i18n';
import { useLessonStore } from '../../state/lessonStore';

/** The header button that enters presenter mode (also the P key). */
export function PresenterToggle() {
  const t = useT();
  const setPresenting = useLessonStore((s) => s.setPresenting);
  return (
    <button
      type="button"
      data-testid="presenter-toggle"
      title={t('presenter.toggle')}
      aria-label={t('presenter.toggle')}
      onClick={() => setPresenting(true)}
      className="inline-flex h-9 min-w-9 items-center justify-center rounded-md px-2 text-fg transition-colors hover:bg-surface-2"
    >
      <svg
        viewBox="0 0 24 24"
        width={18}
        height={18}
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M3 4h18M4 4v11h16V4M12 15v3M8 21l4-3 4 3" />
      </svg>
    </button>
  );
}
