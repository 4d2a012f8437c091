/** Shared styles and helpers of the mechanics panels. */
import { useCallback } from 'react';
import { fill, type Text } from '../../core/model';
import { useT } from '../../i18n';
import { useSimStore } from '../../state/simStore';

export const buttonClass =
  'rounded-md border border-border-strong bg-surface px-2.5 py-1.5 text-sm font-medium text-fg hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-accent/40 disabled:cursor-not-allowed disabled:opacity-50';
export const primaryButtonClass =
  'rounded-md bg-accent px-2.5 py-1.5 text-sm font-semibold text-accent-fg hover:opacity-90 focus-visible:ring-2 focus-visible:ring-accent/40 disabled:cursor-not-allowed disabled:opacity-50';
export const dangerButtonClass =
  'rounded-md border border-danger px-2.5 py-1.5 text-sm font-medium text-danger hover:bg-danger/10 focus-visible:ring-2 focus-visible:ring-danger/40';

/** Picks a bilingual text in the current language, filling `{name}` placeholders. */
export function useTx() {
  const t = useT();
  return useCallback(
    (text: Text, vars?: Record<string, string | number>) => t.text(vars ? fill(text, vars) : text),
    [t],
  );
}

/** The current simulated second (whole seconds, as the timeline shows them). */
export const simSecond = () => Math.floor(useSimStore.getState().time);
