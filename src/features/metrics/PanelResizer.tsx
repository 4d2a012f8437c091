import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../../i18n';
import { MIN_HEIGHT } from './usePanelLayout';

const STEP = 24;

interface Props {
  height: number;
  onHeight: (h: number) => void;
  controls: string;
}

/** The drag handle on the panel's top edge; ArrowUp/ArrowDown resize from the keyboard too. */
export function PanelResizer({ height, onHeight, controls }: Props) {
  const t = useT();
  const drag = useRef<{ y: number; h: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { y: e.clientY, h: height };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onHeight(drag.current.h + drag.current.y - e.clientY);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const delta = e.key === 'ArrowUp' ? STEP : e.key === 'ArrowDown' ? -STEP : 0;
    if (delta === 0) return;
    e.preventDefault();
    onHeight(height + delta);
  };
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('monitor.resize')}
      aria-controls={controls}
      aria-valuenow={height}
      aria-valuemin={MIN_HEIGHT}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKeyDown}
      className="group flex h-2 cursor-row-resize touch-none items-center justify-center"
    >
      <span className="h-1 w-10 rounded-full bg-border-strong group-hover:bg-accent group-focus-visible:bg-accent" />
    </div>
  );
}
