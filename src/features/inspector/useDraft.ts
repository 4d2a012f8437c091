/**
 * A field's local draft: what the user typed, kept until it is valid. A valid draft is committed
 * at once (so the canvas and the simulation follow as you type); every keystroke of one focus
 * session shares a merge key, so the whole edit is a single undo step. An invalid draft never
 * reaches the model: the field shows the reason and the model keeps its old value.
 */
import { useCallback, useId, useRef, useState } from 'react';
import type { Text } from '../../core/model';

export interface Draft {
  /** What the input shows: the draft while editing, otherwise the model's value. */
  text: string;
  error: Text | null;
  onChange: (text: string) => void;
  onFocus: () => void;
  onBlur: () => void;
}

/**
 * @param value the model's current value, formatted for the input
 * @param commit tries to apply `text`; returns why it was refused, or null
 */
export function useDraft(
  value: string,
  commit: (text: string, mergeKey: string) => Text | null,
): Draft {
  const id = useId();
  const session = useRef(0);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<Text | null>(null);

  const onChange = useCallback(
    (text: string) => {
      setDraft(text);
      setError(commit(text, `${id}:${session.current}`));
    },
    [commit, id],
  );
  const onFocus = useCallback(() => {
    session.current += 1;
  }, []);
  const onBlur = useCallback(() => {
    // A valid draft has reached the model: show the model's value again (it may be normalised).
    if (!error) setDraft(null);
  }, [error]);

  return { text: draft ?? value, error, onChange, onFocus, onBlur };
}
