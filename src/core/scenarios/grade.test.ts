import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from '../codec';
import { checkGoal } from './goal';
import { gradeLink, listLessons } from './grade';
import { LESSONS, lessonById } from './lessons';

describe('listLessons', () => {
  it('lists every lesson in order with links that open its first step', () => {
    const list = listLessons();
    expect(list.map((l) => l.id)).toEqual(LESSONS.map((l) => l.id));
    for (const item of list) {
      const lesson = lessonById(item.id)!;
      expect(item.points).toEqual(lesson.points);
      expect(item.title).toBe(lesson.title.en);
      expect(item.startLink.startsWith('#v1.')).toBe(true);
      const start = decodeShare(item.startLink);
      const solution = decodeShare(item.solutionLink);
      if (!start.ok || !solution.ok) throw new Error(`${item.id}: links do not decode`);
      expect(start.value.lesson).toEqual({ id: item.id, step: 0 });
      expect(solution.value.lesson).toEqual({ id: item.id, step: 0 });
      expect(start.value.topology.nodes.map((n) => n.id)).toEqual(
        lesson.start.nodes.map((n) => n.id),
      );
      expect(solution.value.topology.links).toEqual(lesson.solution.links);
    }
  });

  it('puts the links after a base URL, replacing any fragment it had', () => {
    const [first] = listLessons('https://example.org/lab/#old');
    expect(first!.startLink).toMatch(/^https:\/\/example\.org\/lab\/#v1\.[A-Za-z0-9_-]+$/);
  });
});

describe('gradeLink', () => {
  it('passes a lesson solution and gives the same verdict as checkGoal for its start', () => {
    const lesson = lessonById('scale-up')!;
    const [solution, start] = [lesson.solution, lesson.start].map(
      (topology) => `https://example.org/#${encodeShare({ topology })}`,
    );
    expect(gradeLink(solution!, 'scale-up')).toEqual({ passed: true, reasons: [] });
    const want = checkGoal(lesson.start, lesson.goal);
    expect(gradeLink(start!, 'scale-up')).toEqual({
      passed: want.passed,
      reasons: want.reasons.map((r) => r.en),
    });
  });

  it('grades a structural failure in English', () => {
    const lesson = lessonById('split-app')!;
    const r = gradeLink(encodeShare({ topology: lesson.start }), 'split-app');
    expect(r.passed).toBe(false);
    expect(r.reasons).toContain('web + app still runs both web and app: give app its own server.');
  });

  it('refuses an unknown lesson, naming the known ones', () => {
    const r = gradeLink(encodeShare({ topology: LESSONS[0]!.start }), 'no-such-lesson');
    expect(r.passed).toBe(false);
    expect(r.reasons[0]).toMatch(/^Unknown lesson "no-such-lesson"; the lessons are: one-box, /);
  });

  it('refuses a broken link with the decoder’s reason', () => {
    const r = gradeLink('https://example.org/#v1.@@@', 'one-box');
    expect(r.passed).toBe(false);
    expect(r.reasons[0]).toMatch(/^The link cannot be read: /);
    expect(gradeLink('', 'one-box').reasons[0]).toMatch(/nothing follows "#"/);
  });
});
