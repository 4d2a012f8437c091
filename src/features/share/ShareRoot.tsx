import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { Suspense, useEffect } from 'react';
import { useShareStore } from '../../state/shareStore';
import { lazyPanel } from '../../ui/lazyPanel';
import { LinkNotices } from './LinkNotices';

// Downloaded when first opened: the QR code, the file export and the template gallery are not
// needed to edit or run a design.
const SharePanel = lazyPanel(() => import('./SharePanel'), 'SharePanel');
const TemplatesDialog = lazyPanel(() => import('../templates/TemplatesDialog'), 'TemplatesDialog');

const FIT_OPTIONS = { padding: 0.2, maxZoom: 1.2, duration: 0 };

/**
 * Sharing's view side: applies a link's viewport (or fits a freshly loaded topology) once the
 * cards are measured, and shows the link notices, the share panel and the template gallery.
 * Links themselves are opened by `watchAddressLinks` (started in main.tsx).
 */
export function ShareRoot() {
  const { setViewport, fitView } = useReactFlow();
  const measured = useNodesInitialized();
  const viewRequest = useShareStore((s) => s.viewRequest);
  const dialog = useShareStore((s) => s.dialog);

  useEffect(() => {
    if (!viewRequest || !measured) return;
    // After the canvas's own fit-on-load, which runs once the cards are measured.
    let id = requestAnimationFrame(() => {
      id = requestAnimationFrame(() => {
        if (viewRequest.view) void setViewport(viewRequest.view);
        else void fitView(FIT_OPTIONS);
        useShareStore.setState((s) => (s.viewRequest === viewRequest ? { viewRequest: null } : s));
      });
    });
    return () => cancelAnimationFrame(id);
  }, [viewRequest, measured, setViewport, fitView]);

  return (
    <>
      <LinkNotices />
      <Suspense fallback={null}>
        {dialog === 'share' && <SharePanel />}
        {dialog === 'templates' && <TemplatesDialog />}
      </Suspense>
    </>
  );
}
