import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from '../../ui/Icon';

interface DialogProps {
  open: boolean;
  title: string;
  closeLabel: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
  /** Tailwind max-width class of the panel. */
  widthClass?: string;
  /** A selector for the control to focus on opening (else the browser picks the first one). */
  initialFocus?: string;
}

/**
 * A modal dialog on the native `<dialog>`: the browser traps focus inside it and Esc closes it;
 * focus goes back to the control that opened it.
 */
export function Dialog({
  open,
  title,
  closeLabel,
  onClose,
  testId,
  children,
  widthClass = 'max-w-xl',
  initialFocus,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const el = ref.current;
    if (!el || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!el.open) el.showModal();
    if (initialFocus) el.querySelector<HTMLElement>(initialFocus)?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    el.addEventListener('cancel', onCancel);
    return () => {
      el.removeEventListener('cancel', onCancel);
      if (el.open) el.close();
      opener?.focus();
    };
  }, [open, initialFocus]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      // Keys typed in the dialog must not reach the canvas shortcuts (Delete, Ctrl+C…).
      onKeyDown={(e) => e.stopPropagation()}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose(); // A click on the backdrop.
      }}
      className={`m-auto max-h-[min(90vh,56rem)] w-[calc(100vw-1.5rem)] ${widthClass} overflow-auto rounded-lg border border-border-strong bg-surface p-0 text-fg shadow-pop backdrop:bg-black/40`}
    >
      <div className="flex flex-col gap-4 p-4 sm:p-5">
        <div className="flex items-start justify-between gap-3">
          <h2 id={`${testId}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={onClose}
            aria-label={closeLabel}
            title={closeLabel}
            data-testid={`${testId}-close`}
            className="-m-1 rounded p-1 text-muted hover:bg-surface-2 hover:text-fg"
          >
            <Icon name="close" size={18} />
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
