import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useLessonStore } from '../../state/lessonStore';
import { startLessonWatch } from '../../state/lessonLive';
import { useNoticeStore } from '../../state/noticeStore';
import { acquireSimSession } from '../../state/simSession';
import { usePresenterKeys } from '../presenter/usePresenterKeys';

const FIT_OPTIONS = { padding: 0.2, maxZoom: 1.2, duration: 0 };
/** The address's link is opened once per page load, never again on a remount. */
let linkRead = false;

/**
 * Lesson plumbing with no UI of its own: the live goal judge, lesson links in the address (on
 * load and when the fragment changes), the presenter's keys, and fitting the canvas to a
 * freshly loaded lesson. Also holds the simulation session, so switching to presenter mode
 * (which unmounts the playback bar) keeps the run going.
 */
export function LessonsRoot() {
  const { fitView } = useReactFlow();
  const fitRequests = useLessonStore((s) => s.fitRequests);

  useEffect(() => acquireSimSession(), []);
  useEffect(() => startLessonWatch(), []);
  useEffect(() => {
    const open = (onlyNew: boolean) => {
      const outcome = useLessonStore.getState().openLink(window.location.hash, { onlyNew });
      if (typeof outcome === 'object')
        useNoticeStore.getState().push(outcome.problem, 'error', null);
    };
    if (!linkRead) open(false);
    linkRead = true;
    const onHash = () => open(true);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (fitRequests === 0) return;
    // After React Flow has measured the new cards.
    const id = requestAnimationFrame(() => requestAnimationFrame(() => void fitView(FIT_OPTIONS)));
    return () => cancelAnimationFrame(id);
  }, [fitRequests, fitView]);
  usePresenterKeys();
  return null;
}
