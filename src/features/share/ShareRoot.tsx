import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { openAddressLink, useShareStore } from '../../state/shareStore';
import { TemplatesDialog } from '../templates/TemplatesDialog';
import { LinkNotices } from './LinkNotices';
import { SharePanel } from './SharePanel';

const FIT_OPTIONS = { padding: 0.2, maxZoom: 1.2, duration: 0 };

/**
 * Sharing's plumbing and dialogs: opens links that arrive while the page is open (the one present
 * at start-up was opened before the first render), applies a link's viewport once the cards are
 * measured, and shows the link notices, the share panel and the template gallery.
 */
export function ShareRoot() {
  const { setViewport, fitView } = useReactFlow();
  const measured = useNodesInitialized();
  const viewRequest = useShareStore((s) => s.viewRequest);

  useEffect(() => {
    const onHash = () => openAddressLink();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

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
      <SharePanel />
      <TemplatesDialog />
    </>
  );
}
