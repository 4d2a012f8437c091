import type { ButtonHTMLAttributes } from 'react';
import { Icon } from './Icon';
import type { IconName } from './icons';

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  icon: IconName;
  /** Accessible name; also shown as the tooltip unless `title` says more (a shortcut). */
  label: string;
  /** Shows the label next to the icon. */
  showLabel?: boolean;
}

/** A square toolbar button with an icon and an accessible name. */
export function IconButton({ icon, label, showLabel, title, className, ...rest }: IconButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={title ?? label}
      className={`inline-flex h-9 min-w-9 items-center justify-center gap-1.5 rounded-md px-2 text-sm font-medium text-fg transition-colors hover:bg-surface-2 disabled:cursor-default disabled:opacity-35 disabled:hover:bg-transparent aria-pressed:bg-accent-soft aria-pressed:text-accent ${className ?? ''}`}
      {...rest}
    >
      <Icon name={icon} />
      {showLabel && <span>{label}</span>}
    </button>
  );
}
