import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { NodeField } from '../../core/sim';
import { useT } from '../../i18n';
import { useTopology } from '../../state/topologyStore';
import { ExplainContent } from './ExplainContent';

const GAP = 6;
const MARGIN = 8;

interface Props {
  id: string;
  nodeId: string;
  focus?: NodeField | undefined;
  anchor: RefObject<HTMLElement | null>;
  onClose: () => void;
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The "explain this number" popover: a non-modal dialog beside its button. Focus moves in when
 * it opens and stays inside (Tab wraps); Escape or a click outside closes it and the button
 * gets focus back.
 */
export function ExplainDialog({ id, nodeId, focus, anchor, onClose }: Props) {
  const t = useT();
  const node = useTopology().nodes.find((n) => n.id === nodeId);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const place = () => {
      const a = anchor.current?.getBoundingClientRect();
      const box = ref.current;
      if (!a || !box) return;
      const w = box.offsetWidth;
      const h = box.offsetHeight;
      const left = Math.min(Math.max(MARGIN, a.left), window.innerWidth - w - MARGIN);
      const below = a.bottom + GAP;
      const top =
        below + h <= window.innerHeight - MARGIN ? below : Math.max(MARGIN, a.top - GAP - h);
      setPos({ left: Math.max(MARGIN, left), top });
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [anchor]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!ref.current?.contains(target) && !anchor.current?.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [anchor, onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    // Keys typed here must not reach the grid or the canvas the button sits in (React bubbles
    // portal events through the component tree).
    e.stopPropagation();
    if (e.key === 'Escape') {
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div
      ref={ref}
      id={id}
      role="dialog"
      aria-labelledby={`${id}-title`}
      data-testid="explain-dialog"
      onKeyDown={onKeyDown}
      style={{ left: pos?.left ?? -9999, top: pos?.top ?? 0 }}
      className="fixed z-50 max-h-[70vh] w-[min(30rem,calc(100vw-16px))] overflow-auto rounded-lg border border-border-strong bg-surface p-3 text-sm text-fg shadow-pop"
    >
      <div className="mb-2 flex items-start justify-between gap-2">
        <h2 id={`${id}-title`} className="font-semibold">
          {t('monitor.explain.title', { node: node?.label.trim() || nodeId })}
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label={t('monitor.explain.close')}
          className="rounded px-2 text-muted hover:bg-surface-2"
        >
          ✕
        </button>
      </div>
      <ExplainContent nodeId={nodeId} focus={focus} />
    </div>,
    document.body,
  );
}
