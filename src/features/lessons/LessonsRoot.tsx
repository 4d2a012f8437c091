import { getNodesBounds, getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { useLessonStore } from '../../state/lessonStore';
import { startLessonWatch } from '../../state/lessonLive';
import { acquireSimSession } from '../../state/simSession';
import { usePresenterKeys } from '../presenter/usePresenterKeys';

const FIT = { padding: 0.2, minZoom: 0.1, maxZoom: 1.2 };

/** How many pixels of the canvas's right side the lesson panel covers (0 when it sits beside it). */
function coveredWidth(canvas: DOMRect): number {
  const panel = document.getElementById('lesson-panel')?.getBoundingClientRect();
  if (!panel || panel.left >= canvas.right || panel.right <= canvas.left) return 0;
  return canvas.right - panel.left;
}

/**
 * Lesson plumbing with no UI of its own: the live goal judge, the presenter's keys, and fitting
 * the canvas to a freshly loaded lesson. (Lesson links in the address are opened by the share
 * feature, which hands links naming a lesson step to the lesson store's `openLink`.) Also holds
 * the simulation session, so switching to presenter mode (which unmounts the playback bar) keeps
 * the run going.
 */
export function LessonsRoot() {
  const { fitView, getNodes, setViewport } = useReactFlow();
  const storeApi = useStoreApi();
  const fitRequests = useLessonStore((s) => s.fitRequests);

  useEffect(() => acquireSimSession(), []);
  useEffect(() => startLessonWatch(), []);
  useEffect(() => {
    if (fitRequests === 0) return;
    // Fit the design into the part of the canvas the lesson panel leaves visible.
    const fit = () => {
      const dom = storeApi.getState().domNode;
      const nodes = getNodes();
      if (!dom || nodes.length === 0) return;
      const r = dom.getBoundingClientRect();
      const width = r.width - coveredWidth(r);
      // On a phone the panel covers nearly everything: fit to the whole canvas instead.
      if (width < r.width * 0.45) return void fitView(FIT);
      const vp = getViewportForBounds(
        getNodesBounds(nodes),
        width,
        r.height,
        FIT.minZoom,
        FIT.maxZoom,
        FIT.padding,
      );
      void setViewport(vp);
    };
    // After React Flow has measured the new cards.
    let id = requestAnimationFrame(() => {
      id = requestAnimationFrame(fit);
    });
    return () => cancelAnimationFrame(id);
  }, [fitRequests, fitView, getNodes, setViewport, storeApi]);
  usePresenterKeys();
  return null;
}
