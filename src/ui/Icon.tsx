import { memo } from 'react';
import { ICONS, type IconName } from './icons';

interface IconProps {
  /** A chrome icon by name, or raw path data (kind icons from the registry). */
  name?: IconName;
  path?: string;
  size?: number;
  strokeWidth?: number;
  className?: string;
}

/** A stroke-drawn SVG icon; decorative (the control around it carries the accessible name). */
export const Icon = memo(function Icon({
  name,
  path,
  size = 20,
  strokeWidth = 1.8,
  className,
}: IconProps) {
  const d = path ?? (name ? ICONS[name] : '');
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      <path d={d} />
    </svg>
  );
});
