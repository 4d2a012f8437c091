/**
 * Grading lessons headless: a student's share link judged against a lesson's goal, and the list of
 * lessons with links to their start and solution, for scripts and the command-line runner.
 * Contract: pure; no DOM, no React, no file system.
 */
import { decodeShare, describeError, encodeShare } from '../codec';
import type { Topology } from '../model/schema';
import { checkGoal } from './goal';
import { LESSONS, lessonById } from './lessons';

export interface GradeReport {
  passed: boolean;
  /** Why it failed, in English (empty when passed). */
  reasons: string[];
}

/**
 * Decodes a share link (a whole URL, a `#fragment` or a bare fragment) and checks its topology
 * against a lesson's goal by running the kernel. Never throws: a broken link or an unknown lesson
 * is a failed grade with the reason.
 * @example gradeLink('https://host/lab/#v1.…', 'scale-up') // { passed: true, reasons: [] }
 */
export function gradeLink(link: string, lessonId: string): GradeReport {
  const lesson = lessonById(lessonId);
  if (!lesson)
    return {
      passed: false,
      reasons: [
        `Unknown lesson "${lessonId}"; the lessons are: ${LESSONS.map((l) => l.id).join(', ')}.`,
      ],
    };
  const decoded = decodeShare(link);
  if (!decoded.ok)
    return { passed: false, reasons: [`The link cannot be read: ${describeError(decoded.error)}`] };
  const result = checkGoal(decoded.value.topology, lesson.goal);
  return { passed: result.passed, reasons: result.reasons.map((r) => r.en) };
}

export interface LessonListing {
  id: string;
  /** Teaching points (1–13) the lesson covers. */
  points: number[];
  title: string;
  /** Share links that open the lesson at its first step with its start / its solution. */
  startLink: string;
  solutionLink: string;
}

const linkTo = (baseUrl: string, topology: Topology, id: string) => {
  const base = baseUrl.includes('#') ? baseUrl.slice(0, baseUrl.indexOf('#')) : baseUrl;
  return `${base}#${encodeShare({ topology, lesson: { id, step: 0 } })}`;
};

/**
 * Every lesson in order with share links to its start and its solution. Without a base URL the
 * links are bare fragments (`#v1.…`), to be appended to wherever the app is served.
 * @example listLessons('https://example.org/lab/')[0].startLink // 'https://example.org/lab/#v1.…'
 */
export function listLessons(baseUrl = ''): LessonListing[] {
  return LESSONS.map((l) => ({
    id: l.id,
    points: [...l.points],
    title: l.title.en,
    startLink: linkTo(baseUrl, l.start, l.id),
    solutionLink: linkTo(baseUrl, l.solution, l.id),
  }));
}
