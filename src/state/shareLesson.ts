/**
 * Where sharing meets the lessons: the lesson step a link should carry, and opening a link that
 * names one. Kept in one place so the share feature depends on the lesson store only here.
 */
import type { ShareDoc, ShareLesson } from '../core/codec';
import { lessonByIdNow as lessonById } from './lessonCatalogue';
import { useLessonStore } from './lessonStore';

const refOf = (lessonId: string | null, step: number): ShareLesson | undefined =>
  lessonId ? { id: lessonId, step } : undefined;

/** The open lesson step, for a link to carry (undefined when no lesson is open). */
export const currentLessonRef = (): ShareLesson | undefined => {
  const s = useLessonStore.getState();
  return refOf(s.lessonId, s.step);
};

/** The open lesson's title and step, for the share panel to mention. */
export const useLessonMention = () => {
  const lessonId = useLessonStore((s) => s.lessonId);
  const step = useLessonStore((s) => s.step);
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  return lesson ? { title: lesson.title, step } : null;
};

/**
 * Lets the lesson module open a link that names a known lesson step: it loads the link's own
 * topology (not the lesson's start) and opens the step. Returns false when the link has no such
 * step, and the caller loads the topology itself. The lesson module also watches the address;
 * 'ignored' means it has just opened this very step.
 */
export function openLessonLink(doc: ShareDoc): boolean {
  if (!doc.lesson || !lessonById(doc.lesson.id)) return false;
  const outcome = useLessonStore.getState().openLinkDoc(doc, { onlyNew: true });
  return outcome === 'opened' || outcome === 'ignored';
}
