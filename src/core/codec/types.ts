/**
 * What a share link carries: the topology (with its scenario: seed and timed events), and
 * optionally where the canvas looks and which lesson step is open.
 * Contract: pure; no DOM, no React.
 */
import { z } from 'zod/mini';
import type { Topology } from '../model';

/** The canvas viewport: pan offset in screen pixels and zoom factor. */
export interface ShareView {
  x: number;
  y: number;
  zoom: number;
}

/** An open lesson and the step shown. */
export interface ShareLesson {
  id: string;
  step: number;
}

/** Everything one share link restores. */
export interface ShareDoc {
  topology: Topology;
  view?: ShareView;
  lesson?: ShareLesson;
}

/** Bounds of the view and lesson fields; a link outside them is refused with the field's path. */
export const VIEW_LIMITS = {
  /** Pan offsets: node coordinates reach ±1e6, times the largest zoom. */
  offset: 1e8,
  minZoom: 0.01,
  maxZoom: 100,
  lessonId: 60,
  lessonStep: 10000,
} as const;

const offset = z.number().check(z.gte(-VIEW_LIMITS.offset), z.lte(VIEW_LIMITS.offset));

export const viewSchema = z.strictObject({
  x: offset,
  y: offset,
  zoom: z.number().check(z.gte(VIEW_LIMITS.minZoom), z.lte(VIEW_LIMITS.maxZoom)),
});

export const lessonSchema = z.strictObject({
  id: z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(VIEW_LIMITS.lessonId),
      z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "-", "_" or "."'),
    ),
  step: z.int().check(z.gte(0), z.lte(VIEW_LIMITS.lessonStep)),
});

/** The view and lesson parts of a decoded link, validated together so issue paths start at the root. */
export const shareExtrasSchema = z.strictObject({
  view: z.optional(viewSchema),
  lesson: z.optional(lessonSchema),
});
