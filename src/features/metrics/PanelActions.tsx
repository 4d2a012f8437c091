import { msg, useT } from '../../i18n';
import { pinCurrentRun } from '../../state/compareStore';
import { getSimHistory, useSimStore } from '../../state/simStore';
import { useTopology } from '../../state/topologyStore';
import { Icon } from '../../ui/Icon';
import { useNoticeStore } from '../../state/noticeStore';

const PIN = 'M9 3h6l-1 6 3 3v2H7v-2l3-3zM12 14v7';
const DOWNLOAD = 'M12 4v11M7 10l5 5 5-5M5 20h14';
const button =
  'inline-flex h-8 items-center gap-1 rounded-md border border-border px-2 text-xs font-medium hover:bg-surface-2 disabled:opacity-40';

/** "Pin this run" (for Compare) and CSV export of the recorded series. */
export function PanelActions({ onPinned }: { onPinned: () => void }) {
  const t = useT();
  const topology = useTopology();
  const recorded = useSimStore((s) => s.historyVersion > 0 && s.frame !== null);
  // The export code downloads with the first export.
  const exportCsv = () => {
    const h = getSimHistory();
    const nodes = topology.nodes.map((n) => ({ id: n.id, label: n.label }));
    Promise.all([import('./csv'), import('./download')]).then(
      ([{ csvFileName, historyColumns, toCsv }, { downloadText }]) =>
        downloadText(
          csvFileName(new Date()),
          toCsv(h.timeAxis(), historyColumns(h, nodes)),
          'text/csv;charset=utf-8',
        ),
      (e: unknown) =>
        useNoticeStore
          .getState()
          .push(
            msg('monitor.csvFailed', { reason: e instanceof Error ? e.message : String(e) }),
            'error',
          ),
    );
  };
  const pin = () => {
    if (pinCurrentRun(topology.name.trim())) onPinned();
  };
  return (
    <div className="flex items-center gap-1">
      <button
        type="button"
        className={button}
        onClick={pin}
        disabled={!recorded}
        data-testid="pin-run"
      >
        <Icon path={PIN} size={14} />
        {t('monitor.pin')}
      </button>
      <button
        type="button"
        className={button}
        onClick={exportCsv}
        disabled={!recorded}
        data-testid="export-csv"
      >
        <Icon path={DOWNLOAD} size={14} />
        {t('monitor.csv')}
      </button>
    </div>
  );
}
