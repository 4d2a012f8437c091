import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../core/scenarios/lessons');
  vi.resetModules();
});

describe('lessonCatalogue', () => {
  it('knows no lessons before the download, all of them after, and downloads once', async () => {
    const { loadLessons, lessonsNow, lessonByIdNow } = await import('./lessonCatalogue');
    const { LESSON_IDS } = await import('../core/scenarios/lessonIds');
    expect(lessonsNow()).toEqual([]);
    expect(lessonByIdNow('one-box')).toBeUndefined();
    const first = loadLessons();
    expect(loadLessons()).toBe(first);
    const lessons = await first;
    expect(lessons.map((l) => l.id)).toEqual([...LESSON_IDS]);
    expect(lessonByIdNow('one-box')?.id).toBe('one-box');
  });

  it('reports a failed download and tries again on the next call', async () => {
    vi.doMock('../core/scenarios/lessons', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { loadLessons, useLessonCatalogue } = await import('./lessonCatalogue');
    await expect(loadLessons()).rejects.toThrow();
    expect(useLessonCatalogue.getState().error).toEqual(expect.any(String));
    vi.doUnmock('../core/scenarios/lessons');
    const lessons = await loadLessons();
    expect(lessons.length).toBeGreaterThan(0);
    expect(useLessonCatalogue.getState().error).toBeNull();
  });
});

describe('lessonStore before the lessons are in', () => {
  it('starts a lesson once the download finishes', async () => {
    const { useLessonStore, setLessonEditorPort } = await import('./lessonStore');
    const loaded: string[] = [];
    setLessonEditorPort({ load: (t) => loaded.push(t.name) });
    useLessonStore.getState().startLesson('scale-up', 1);
    expect(useLessonStore.getState().lessonId).toBeNull();
    await vi.waitFor(() => expect(useLessonStore.getState().lessonId).toBe('scale-up'));
    expect(useLessonStore.getState().step).toBe(1);
    expect(loaded).toHaveLength(1);
  });
});
