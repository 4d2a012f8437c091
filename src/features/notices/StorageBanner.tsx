import { useT } from '../../i18n';
import { useNoticeStore } from '../../state/noticeStore';
import { Icon } from '../../ui/Icon';

/** A non-blocking banner while autosave cannot write; it disappears when a save succeeds. */
export function StorageBanner() {
  const t = useT();
  const problem = useNoticeStore((s) => s.storageProblem);
  return (
    <div role="status" aria-live="polite">
      {problem && (
        <div
          data-testid="storage-banner"
          className="flex items-start gap-2 border-b border-warn bg-warn-soft px-4 py-2 text-sm text-fg"
        >
          <Icon name="alert" size={18} className="mt-px shrink-0 text-warn" />
          <p>{t.text(problem)}</p>
        </div>
      )}
    </div>
  );
}
