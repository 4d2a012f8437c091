/** Layout pieces of the mechanics panels: a titled section and a refusal line. */
import type { ReactNode } from 'react';

export function Section({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section
      data-testid={testId}
      aria-label={title}
      className="flex flex-col gap-2 rounded-lg border border-border bg-surface-2/40 p-3"
    >
      <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">{title}</h3>
      {children}
    </section>
  );
}

/** A refusal or hint line under an action (announced to screen readers). */
export function Refusal({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p role="alert" className="text-sm text-danger" data-testid="mechanics-refusal">
      {text}
    </p>
  );
}
