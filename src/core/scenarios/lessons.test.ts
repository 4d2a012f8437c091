import { describe, expect, it } from 'vitest';
import { checkGoal } from './goal';
import { LESSON_IDS } from './lessonIds';
import { LESSONS } from './lessons';

describe('lessons', () => {
  it('cover all thirteen teaching points, in the tutorial order', () => {
    const covered = new Set(LESSONS.flatMap((l) => l.points));
    for (let p = 1; p <= 13; p++) expect(covered.has(p), `point ${p}`).toBe(true);
    const firsts = LESSONS.map((l) => Math.min(...l.points));
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it('are listed, in order, in the table of contents the page loads first', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([...LESSON_IDS]);
  });

  it('have unique ids and text in both languages', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS)
      for (const text of [l.title, l.intro, l.task, l.goal.summary, ...l.notice, ...l.hints]) {
        expect(text.en, l.id).not.toBe('');
        expect(text.ko, l.id).not.toBe('');
      }
  });

  describe.each(LESSONS.map((l) => [l.id, l] as const))('%s', (_id, lesson) => {
    it('its start fails the goal', () => {
      const r = checkGoal(lesson.start, lesson.goal);
      expect(r.passed, JSON.stringify(r.measured)).toBe(false);
      expect(r.reasons.length).toBeGreaterThan(0);
    });
    it('its solution meets the goal', () => {
      const r = checkGoal(lesson.solution, lesson.goal);
      expect(r.reasons.map((x) => x.en)).toEqual([]);
      expect(r.passed).toBe(true);
    });
  });
});
