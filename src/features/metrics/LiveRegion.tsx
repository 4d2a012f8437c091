import { useT } from '../../i18n';
import { useAlertsStore } from '../../state/alertsStore';

/**
 * The app's one assertive live region: screen readers speak each new announcement (alerts, and
 * anything else passed to `announce()`). Visually hidden; the banner shows the same news.
 */
export function LiveRegion() {
  const t = useT();
  const a = useAlertsStore((s) => s.announcement);
  return (
    <div aria-live="assertive" aria-atomic="true" className="sr-only" data-testid="live-region">
      {/* Keyed by id so the same words are announced again when they recur. */}
      {a && <p key={a.id}>{t.text(a.text)}</p>}
    </div>
  );
}
