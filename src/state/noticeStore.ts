/**
 * Transient messages for the user: toasts (a refused link, a restored save) and the storage banner.
 * Messages are `Text` so they follow a language switch while on screen.
 */
import { create } from 'zustand';
import type { Text } from '../core/model';

export type NoticeTone = 'info' | 'warning' | 'error';

export interface Toast {
  id: number;
  text: Text;
  tone: NoticeTone;
  /** Milliseconds on screen; null stays until dismissed (for messages about lost data). */
  ttlMs: number | null;
}

export const TOAST_TTL_MS = 5000;
/** Older toasts drop off so a burst of refusals cannot cover the canvas. */
const MAX_TOASTS = 4;

interface NoticeState {
  toasts: Toast[];
  /** The storage banner: why changes are not being saved, or null when saving works. */
  storageProblem: Text | null;
  push: (text: Text, tone?: NoticeTone, ttlMs?: number | null) => number;
  dismiss: (id: number) => void;
  setStorageProblem: (text: Text | null) => void;
}

let nextId = 1;

export const useNoticeStore = create<NoticeState>()((set) => ({
  toasts: [],
  storageProblem: null,
  push: (text, tone = 'info', ttlMs = TOAST_TTL_MS) => {
    const id = nextId++;
    set((s) => {
      // The same message again replaces the old one instead of stacking copies.
      const rest = s.toasts.filter((x) => x.text.en !== text.en);
      return { toasts: [...rest, { id, text, tone, ttlMs }].slice(-MAX_TOASTS) };
    });
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) })),
  setStorageProblem: (storageProblem) =>
    set((s) =>
      s.storageProblem?.en === storageProblem?.en && s.storageProblem?.ko === storageProblem?.ko
        ? s
        : { storageProblem },
    ),
}));
