import { Suspense, useCallback, useId, useRef, useState, type ButtonHTMLAttributes } from 'react';
import type { NodeField } from '../../core/sim';
import { lazyPanel } from '../../ui/lazyPanel';

// The formulas and the queueing functions behind them load with the first explanation opened.
const ExplainDialog = lazyPanel(() => import('./ExplainDialog'), 'ExplainDialog');

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick'> {
  nodeId: string;
  /** The number the popover should highlight. */
  focus?: NodeField;
}

/**
 * A button that opens the formulas behind a node's numbers. Its children are what it shows (a
 * number in the table, an ⓘ in a chart header); `aria-label` should say what it explains.
 */
export function ExplainButton({ nodeId, focus, children, className, ...rest }: Props) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  const id = useId();
  const close = useCallback(() => {
    setOpen(false);
    ref.current?.focus();
  }, []);
  return (
    <>
      <button
        ref={ref}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        className={className}
        {...rest}
      >
        {children}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExplainDialog id={id} nodeId={nodeId} focus={focus} anchor={ref} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
