import type { ReactNode } from 'react';
import type { Text } from '../../core/model';
import { useT } from '../../i18n';

interface FieldProps {
  id: string;
  label: string;
  unit?: string;
  help?: string;
  error?: Text | null;
  /** Checkboxes put the label after the control. */
  inline?: boolean;
  children: ReactNode;
}

/** Label, control, unit, help and the inline error of one inspector field. */
export function Field({ id, label, unit, help, error, inline, children }: FieldProps) {
  const t = useT();
  return (
    <div className="flex flex-col gap-1">
      {inline ? (
        <div className="flex items-center gap-2">
          {children}
          <label htmlFor={id} className="text-sm font-medium">
            {label}
          </label>
        </div>
      ) : (
        <>
          <label htmlFor={id} className="text-sm font-medium">
            {label}
          </label>
          <div className="flex items-center gap-2">
            {children}
            {unit && <span className="shrink-0 text-sm text-muted">{unit}</span>}
          </div>
        </>
      )}
      {help && (
        <p id={`${id}-help`} className="text-xs leading-snug text-muted">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-danger">
          {t.text(error)}
        </p>
      )}
    </div>
  );
}
