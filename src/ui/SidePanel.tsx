import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { IconButton } from './IconButton';

interface SidePanelProps {
  side: 'left' | 'right';
  title: string;
  /** Open as a drawer (narrow screens only; wide screens always show the panel). */
  open: boolean;
  onClose: () => void;
  /** Width on wide screens, as a Tailwind class. */
  widthClass: string;
  testId: string;
  children: ReactNode;
}

/**
 * A side column on wide screens that becomes a drawer over the canvas on narrow ones (below
 * 1024 px), closed by its button, the backdrop or Escape.
 */
export function SidePanel({
  side,
  title,
  open,
  onClose,
  widthClass,
  testId,
  children,
}: SidePanelProps) {
  const t = useT();
  const edge = side === 'left' ? 'border-r max-lg:left-0' : 'border-l max-lg:right-0';
  return (
    <>
      {open && (
        <div
          className="fixed inset-0 z-30 bg-black/35 lg:hidden"
          aria-hidden="true"
          onClick={onClose}
        />
      )}
      <aside
        aria-label={title}
        data-testid={testId}
        data-open={open}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) onClose();
        }}
        className={`${open ? 'flex' : 'hidden'} min-h-0 shrink-0 flex-col border-border bg-surface lg:flex ${edge} ${widthClass} max-lg:fixed max-lg:inset-y-0 max-lg:z-40 max-lg:w-[min(24rem,90vw)] max-lg:shadow-pop`}
      >
        <div className="flex h-11 shrink-0 items-center justify-between border-b border-border px-4">
          <h2 className="text-sm font-semibold">{title}</h2>
          <IconButton
            icon="close"
            label={t('layout.close')}
            className="lg:hidden"
            onClick={onClose}
          />
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain">{children}</div>
      </aside>
    </>
  );
}
