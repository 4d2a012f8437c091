import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n';
import { useNoticeStore } from '../state/noticeStore';
import { ChunkLoadError } from './lazyPanel';

interface Props {
  /** Catalogue key of the panel's name, for the message ("The inspector stopped working."). */
  panel: MessageKey;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Contains a crash to one panel: the rest of the app and the document keep working, and "Try
 * again" re-mounts the panel. The document lives in the store, so nothing is lost by re-mounting.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept in the console for bug reports; the panel shows a readable message instead.
    console.error(`Panel "${this.props.panel}" crashed:`, error, info.componentStack);
  }

  render() {
    if (this.state.error)
      return (
        <PanelError
          panel={this.props.panel}
          detail={this.state.error.message}
          download={this.state.error instanceof ChunkLoadError}
          onRetry={() => {
            if (this.state.error instanceof ChunkLoadError) this.state.error.rearm();
            this.setState({ error: null });
          }}
        />
      );
    return this.props.children;
  }
}

function PanelError({
  panel,
  detail,
  download,
  onRetry,
}: {
  panel: MessageKey;
  detail: string;
  /** The panel's code could not be downloaded: say so, and offer a reload as a last resort. */
  download: boolean;
  onRetry: () => void;
}) {
  const t = useT();
  // A reload is only offered while the workspace is being saved: it must not lose the design.
  const saving = useNoticeStore((s) => s.storageProblem === null);
  return (
    <div role="alert" className="m-3 rounded-lg border border-danger bg-danger-soft p-4 text-sm">
      <p className="font-semibold text-danger">{t('error.title', { panel: t(panel) })}</p>
      <p className="mt-1 text-fg">{t(download ? 'error.chunk' : 'error.body')}</p>
      <p className="mt-1 font-mono text-xs break-words text-muted">{detail}</p>
      <button
        type="button"
        onClick={onRetry}
        className="mt-3 rounded-md bg-accent px-3 py-1.5 font-medium text-accent-fg hover:opacity-90"
      >
        {t('error.retry')}
      </button>
      {download && saving && (
        <button
          type="button"
          onClick={() => location.reload()}
          className="mt-3 ml-2 rounded-md border border-border-strong px-3 py-1.5 font-medium hover:bg-surface-2"
        >
          {t('error.reload')}
        </button>
      )}
    </div>
  );
}
