/**
 * The lessons themselves (texts, start and reference topologies: the largest piece of data in the
 * app) are downloaded when first needed: the lesson panel or presenter mode opens, or a link names
 * a lesson. Until then the page knows only their ids (`LESSON_IDS`), enough for the header's
 * progress count. Loading twice downloads once; a failed download can be retried.
 */
import { create } from 'zustand';
import type { Lesson } from '../core/scenarios/lessons';

interface CatalogueState {
  lessons: readonly Lesson[] | null;
  /** Why the last download failed (cleared by the next attempt). */
  error: string | null;
}

export const useLessonCatalogue = create<CatalogueState>()(() => ({ lessons: null, error: null }));

let loading: Promise<readonly Lesson[]> | null = null;

/**
 * Downloads the lessons once; resolves with them (at once when they are in).
 * @example await loadLessons(); lessonsNow().length // 12
 */
export function loadLessons(): Promise<readonly Lesson[]> {
  loading ??= import('../core/scenarios/lessons').then(
    ({ LESSONS }) => {
      useLessonCatalogue.setState({ lessons: LESSONS, error: null });
      return LESSONS;
    },
    (e: unknown) => {
      loading = null;
      useLessonCatalogue.setState({ error: e instanceof Error ? e.message : String(e) });
      throw e;
    },
  );
  return loading;
}

/** The lessons if downloaded, else none. */
export const lessonsNow = (): readonly Lesson[] => useLessonCatalogue.getState().lessons ?? [];

/** A downloaded lesson by id. */
export const lessonByIdNow = (id: string): Lesson | undefined =>
  lessonsNow().find((l) => l.id === id);
