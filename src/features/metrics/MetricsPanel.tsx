import { Suspense, useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { startAlertWatch } from '../../state/alertsStore';
import { useTopologyStore } from '../../state/topologyStore';
import { AlertBanner } from './AlertBanner';
import { LiveRegion } from './LiveRegion';
import { PanelActions } from './PanelActions';
import { PanelResizer } from './PanelResizer';
import { SYSTEM } from './labels';
import { usePanelLayout } from './usePanelLayout';
import { lazyPanel } from '../../ui/lazyPanel';

// recharts is only imported under ./charts, so it loads with the first chart, not the app.
const ChartsView = lazyPanel(() => import('./charts/ChartsView'), 'default');
const CompareView = lazyPanel(() => import('./charts/CompareView'), 'default');
const MetricsTable = lazyPanel(() => import('./MetricsTable'), 'MetricsTable');

const TABS = ['charts', 'table', 'compare'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, MessageKey> = {
  charts: 'monitor.tab.charts',
  table: 'monitor.tab.table',
  compare: 'monitor.tab.compare',
};

/**
 * The live monitoring panel below the canvas: charts over simulated time, a table of every
 * node, compare runs; the 90 % alerts and the shared live region. Collapsible and resizable.
 */
export function MetricsPanel() {
  const t = useT();
  const id = useId();
  const layout = usePanelLayout();
  const [tab, setTab] = useState<Tab>('charts');
  const selected = useTopologyStore((s) =>
    s.selection.nodes.length === 1 ? s.selection.nodes[0]! : null,
  );
  const [subject, setSubject] = useState<string>(selected ?? SYSTEM);
  const [seen, setSeen] = useState(selected);
  // The charts follow a node selected on the canvas until the user picks something else.
  if (seen !== selected) {
    setSeen(selected);
    if (selected) setSubject(selected);
  }
  useEffect(() => startAlertWatch(), []);

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? i + 1
        : e.key === 'ArrowLeft'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!;
    setTab(target);
    document.getElementById(`${id}-tab-${target}`)?.focus();
  };
  const body = `${id}-body`;

  return (
    <section
      aria-label={t('monitor.panel')}
      data-testid="metrics-panel"
      className="flex min-h-0 flex-col border-t border-border bg-surface text-fg"
    >
      <LiveRegion />
      {layout.open && (
        <PanelResizer height={layout.height} onHeight={layout.setHeight} controls={body} />
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-2 py-1">
        <button
          type="button"
          aria-expanded={layout.open}
          aria-controls={body}
          onClick={() => layout.setOpen(!layout.open)}
          data-testid="metrics-toggle"
          className="flex items-center gap-1 rounded px-1 text-sm font-semibold hover:bg-surface-2"
        >
          <span
            aria-hidden="true"
            className={`inline-block transition-transform ${layout.open ? '' : '-rotate-90'}`}
          >
            ▾
          </span>
          {t('monitor.panel')}
        </button>
        {layout.open && (
          <div
            role="tablist"
            aria-label={t('monitor.panel')}
            className="flex gap-0.5"
            onKeyDown={onTabKey}
          >
            {TABS.map((k) => (
              <button
                key={k}
                id={`${id}-tab-${k}`}
                type="button"
                role="tab"
                aria-selected={tab === k}
                aria-controls={body}
                tabIndex={tab === k ? 0 : -1}
                onClick={() => setTab(k)}
                data-testid={`metrics-tab-${k}`}
                className="rounded-md px-2.5 py-1 text-xs font-medium text-muted hover:bg-surface-2 aria-selected:bg-accent-soft aria-selected:text-accent"
              >
                {t(TAB_LABEL[k])}
              </button>
            ))}
          </div>
        )}
        <div className="min-w-0 flex-1">
          <AlertBanner />
        </div>
        <PanelActions
          onPinned={() => {
            layout.setOpen(true);
            setTab('compare');
          }}
        />
      </div>
      <div
        id={body}
        role="tabpanel"
        aria-labelledby={`${id}-tab-${tab}`}
        hidden={!layout.open}
        style={{ height: layout.height }}
        className="min-h-0 overflow-auto border-t border-border bg-bg"
      >
        {layout.open && (
          <Suspense fallback={<p className="p-3 text-sm text-muted">{t('monitor.loading')}</p>}>
            {tab === 'charts' && <ChartsView subject={subject} onSubject={setSubject} />}
            {tab === 'table' && <MetricsTable />}
            {tab === 'compare' && <CompareView />}
          </Suspense>
        )}
      </div>
    </section>
  );
}
