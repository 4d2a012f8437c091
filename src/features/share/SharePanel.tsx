import { useT } from '../../i18n';
import { useShareStore } from '../../state/shareStore';
import { Dialog } from './Dialog';
import { ShareFiles } from './ShareFiles';
import { ShareLink } from './ShareLink';

/** The share dialog: the link and its QR code, then files and pictures. */
export function SharePanel() {
  const t = useT();
  const open = useShareStore((s) => s.dialog === 'share');
  const setDialog = useShareStore((s) => s.setDialog);
  return (
    <Dialog
      open={open}
      title={t('share.title')}
      closeLabel={t('share.close')}
      onClose={() => setDialog(null)}
      testId="share-panel"
      widthClass="max-w-3xl"
      initialFocus="[data-testid='share-copy']"
    >
      <ShareLink />
      <ShareFiles />
    </Dialog>
  );
}
