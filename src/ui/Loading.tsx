import { useT } from '../i18n';

/** What a panel shows while its code downloads (usually for a moment; longer on a slow link). */
export function Loading() {
  const t = useT();
  return (
    <p role="status" className="p-3 text-sm text-muted">
      {t('common.loading')}
    </p>
  );
}
