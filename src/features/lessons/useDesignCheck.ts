import { useCallback, useEffect, useRef } from 'react';
import { lessonById } from '../../core/scenarios/lessons';
import { useLessonStore } from '../../state/lessonStore';
import { useProgressStore } from '../../state/lessonProgress';
import { useTopologyStore } from '../../state/topologyStore';
import { checkDesign } from './checkRunner';

/**
 * "Check my design" for the open lesson: starts (or cancels) a grading run off the main thread
 * and keeps its progress and result in the lesson store; a pass counts as progress.
 */
export function useDesignCheck(): { run: () => void; cancel: () => void } {
  const cancelRef = useRef<(() => void) | null>(null);
  const cancel = useCallback(() => {
    cancelRef.current?.();
    cancelRef.current = null;
    const { check, setCheck } = useLessonStore.getState();
    if (check.status === 'running') setCheck({ status: 'idle' });
  }, []);

  const run = useCallback(() => {
    const lessonId = useLessonStore.getState().lessonId;
    const lesson = lessonById(lessonId ?? '');
    if (!lessonId || !lesson) return;
    cancelRef.current?.();
    const topology = useTopologyStore.getState().doc.present;
    const { setCheck } = useLessonStore.getState();
    setCheck({ status: 'running', lessonId, progress: 0 });
    cancelRef.current = checkDesign({ goal: lesson.goal, topology }, (m) => {
      // A lesson switched meanwhile: this result is about another lesson.
      if (useLessonStore.getState().lessonId !== lessonId) return;
      if (m.type === 'progress') setCheck({ status: 'running', lessonId, progress: m.progress });
      else if (m.type === 'error') setCheck({ status: 'error', lessonId, message: m.message });
      else {
        cancelRef.current = null;
        setCheck({ status: 'done', lessonId, topology, result: m.result });
        if (m.result.passed) useProgressStore.getState().markPassed(lessonId);
      }
    });
  }, []);

  useEffect(() => () => cancelRef.current?.(), []);
  return { run, cancel };
}
