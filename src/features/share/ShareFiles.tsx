import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { decodeTopologyJson, type DecodeError } from '../../core/codec';
import type { Text } from '../../core/model';
import { msg, useT } from '../../i18n';
import { useNoticeStore } from '../../state/noticeStore';
import { loadIntoEditor, requestFit, useShareStore } from '../../state/shareStore';
import { useTopologyStore } from '../../state/topologyStore';
import {
  exportCanvasImage,
  exportMetricsCsv,
  exportTopologyJson,
  type ImageFormat,
} from './exportFiles';

type Problem = { text: Text; issues?: DecodeError['issues'] } | null;

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function FileButton(props: { testId: string; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      data-testid={props.testId}
      onClick={props.onClick}
      className="rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-2"
    >
      {props.children}
    </button>
  );
}

/** Export and import of the topology (JSON), pictures of the canvas, and the run's metrics. */
export function ShareFiles() {
  const t = useT();
  const flow = useReactFlow();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLDivElement>(null);
  const topology = () => useTopologyStore.getState().doc.present;

  useEffect(() => {
    if (problem) alert.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);

  const image = async (format: ImageFormat) => {
    setProblem(null);
    setBusy(true);
    try {
      if (!(await exportCanvasImage(flow, format, topology())))
        setProblem({ text: msg('share.noNodes') });
    } catch (e) {
      setProblem({ text: msg('share.exportFailed', { reason: reasonOf(e) }) });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setProblem(null);
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setProblem({ text: msg('share.importReadFailed', { file: file.name, reason: reasonOf(e) }) });
      return;
    }
    const r = decodeTopologyJson(text);
    if (!r.ok) {
      const head = msg('share.importFailed', { file: file.name });
      setProblem({
        text: { en: `${head.en} ${r.error.message.en}`, ko: `${head.ko} ${r.error.message.ko}` },
        issues: r.error.issues,
      });
      return;
    }
    loadIntoEditor(r.value);
    requestFit();
    useNoticeStore
      .getState()
      .push(msg('share.imported', { name: r.value.name || file.name, file: file.name }));
    useShareStore.getState().setDialog(null);
  };

  return (
    <section className="flex flex-col gap-2 border-t border-border pt-4">
      <h3 className="text-sm font-semibold">{t('share.files')}</h3>
      <div className="flex flex-wrap gap-2" aria-busy={busy}>
        <FileButton testId="export-json" onClick={() => exportTopologyJson(topology())}>
          {t('share.exportJson')}
        </FileButton>
        <FileButton testId="import-json" onClick={() => input.current?.click()}>
          {t('share.importJson')}
        </FileButton>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="hidden"
          data-testid="import-json-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = ''; // The same file can be picked again after a fix.
            if (file) void importFile(file);
          }}
        />
        <FileButton testId="export-png" onClick={() => void image('png')}>
          {t('share.exportPng')}
        </FileButton>
        <FileButton testId="export-svg" onClick={() => void image('svg')}>
          {t('share.exportSvg')}
        </FileButton>
        <FileButton
          testId="export-csv"
          onClick={() => {
            setProblem(exportMetricsCsv(topology()) ? null : { text: msg('share.noMetrics') });
          }}
        >
          {t('share.exportCsv')}
        </FileButton>
      </div>
      {problem && (
        <div
          ref={alert}
          role="alert"
          data-testid="file-error"
          className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm"
        >
          <p>{t.text(problem.text)}</p>
          {problem.issues && problem.issues.length > 0 && (
            <ul className="mt-1 list-disc pl-5" data-testid="file-error-issues">
              {problem.issues.map((issue, i) => (
                <li key={i}>
                  {issue.path && <code className="font-mono">{issue.path}</code>}
                  {issue.path && ': '}
                  {t.text(issue.message)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
