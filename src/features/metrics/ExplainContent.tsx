import { useMemo, type ReactNode } from 'react';
import type { NodeField } from '../../core/sim';
import { useT, type MessageKey } from '../../i18n';
import { getSimHistory, useNodeFields, useSimStore } from '../../state/simStore';
import { useTopology } from '../../state/topologyStore';
import { formatNumber } from '../playback/format';
import {
  READING_FIELDS,
  explainNode,
  isSettling,
  type DemandPart,
  type QueueExplanation,
} from './explain';
import { Formula, Verdict } from './Formula';

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '∞');
const ms = (v: number) => (Number.isFinite(v) ? `${formatNumber(v)} ms` : '∞');

const PART_LABEL: Record<DemandPart['part'], MessageKey> = {
  web: 'monitor.part.web',
  app: 'monitor.part.app',
  dbRead: 'monitor.part.dbRead',
  dbWrite: 'monitor.part.dbWrite',
  read: 'monitor.part.read',
  write: 'monitor.part.write',
  lookup: 'monitor.part.lookup',
};

const FOCUS_SECTION: Partial<Record<NodeField, 'rho' | 'wait' | 'little' | 'p95'>> = {
  utilization: 'rho',
  arrivalRate: 'rho',
  throughput: 'little',
  backlog: 'little',
  latencyMean: 'wait',
  latencyP50: 'p95',
  latencyP95: 'p95',
  latencyP99: 'p95',
};

/** The live formulas of one node, with the simulation's numbers beside them. */
export function ExplainContent({
  nodeId,
  focus,
}: {
  nodeId: string;
  focus?: NodeField | undefined;
}) {
  const t = useT();
  const topology = useTopology();
  const node = topology.nodes.find((n) => n.id === nodeId);
  const r = useNodeFields(nodeId, READING_FIELDS);
  const version = useSimStore((s) => s.historyVersion);
  const settling = useMemo(() => {
    void version;
    const b = getSimHistory().node(nodeId, 'backlog');
    return isSettling(b.t, b.v);
  }, [nodeId, version]);
  if (!node) return <p>{t('monitor.explain.gone')}</p>;
  if (Number.isNaN(r.up)) return <p>{t('monitor.explain.noData')}</p>;
  const e = explainNode(node, r, topology, { settling });
  const hl = FOCUS_SECTION[focus ?? 'utilization'];
  if (e.kind === 'pass')
    return (
      <div className="flex flex-col gap-2">
        <p className="text-muted">{t('monitor.explain.passIntro')}</p>
        <Formula
          title={t('monitor.explain.little')}
          expr="L = λ · W"
          steps={[`${formatNumber(e.lambda)} req/s × ${ms(e.wMs)}`, formatNumber(e.littleL)]}
          kernel={formatNumber(e.kernel.backlog)}
          agrees
          highlight
        />
      </div>
    );
  return <QueueFormulas e={e} highlight={hl} />;
}

function QueueFormulas({ e, highlight }: { e: QueueExplanation; highlight: string | undefined }) {
  const t = useT();
  const parts = e.parts
    .filter((p) => p.share > 0)
    .map((p) => (p.share === 1 ? `${p.ms}` : `${p.share.toFixed(2)}×${p.ms}`))
    .join(' + ');
  const names = e.parts.map((p) => t(PART_LABEL[p.part])).join(', ');
  const lambda = `${formatNumber(e.lambda)} req/s`;
  const perInstance = e.instances > 1;
  const inputs: [string, ReactNode][] = [
    ['λ', `${lambda} — ${t('monitor.explain.lambda')}`],
    [
      'S',
      `(${parts}) ms${e.speed !== 1 ? ` ÷ ${e.speed}` : ''} = ${ms(e.serviceMs)} — ${t('monitor.explain.service', { parts: names })}`,
    ],
    [
      'c',
      `${formatNumber(e.cores)} — ${t('monitor.explain.cores', { vcpu: e.vcpu, instances: e.instances })}`,
    ],
  ];
  return (
    <div className="flex flex-col gap-2">
      <dl className="grid grid-cols-[1.5rem_1fr] gap-x-2 gap-y-0.5 text-xs">
        {inputs.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-mono font-semibold">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {perInstance && (
        <p className="text-xs text-muted">
          {t('monitor.explain.perInstance', {
            n: e.instances,
            lambda: formatNumber(e.perInstance.lambda),
            c: formatNumber(e.perInstance.cores),
          })}
        </p>
      )}
      <Formula
        title={t('monitor.explain.utilization')}
        expr="ρ = λ · S / c"
        steps={[`${lambda} × ${ms(e.serviceMs)} / ${formatNumber(e.cores)}`, pct(e.rho)]}
        kernel={pct(e.kernel.utilization)}
        agrees={e.agrees.rho}
        highlight={highlight === 'rho'}
        testId="explain-rho"
      />
      <Formula
        title={t('monitor.explain.wait')}
        expr="C(c, a), a = λ · S"
        steps={[`a = ${formatNumber(e.erlangs)}`, `C = ${e.stable ? e.pWait.toFixed(3) : '1'}`]}
        note={t('monitor.explain.pWait')}
        highlight={highlight === 'wait'}
      />
      <Formula
        title={t('monitor.explain.meanTime')}
        expr="Wq = C / (cμ − λ),  W = Wq + S"
        steps={[`Wq = ${ms(e.wqMs)}`, `W = ${ms(e.wMs)}`]}
        kernel={ms(e.kernel.latencyMean)}
        agrees={e.agrees.w}
        highlight={highlight === 'wait'}
      />
      <Formula
        title={t('monitor.explain.little')}
        expr="L = λ · W"
        steps={[`${lambda} × ${ms(e.wMs)}`, formatNumber(e.littleL)]}
        kernel={formatNumber(e.kernel.backlog)}
        agrees={e.agrees.l}
        note={t('monitor.explain.littleNote')}
        highlight={highlight === 'little'}
      />
      <Formula
        title={t('monitor.explain.p95')}
        expr="p95 ≈ Γ(W, Var W)"
        steps={[ms(e.p95Ms)]}
        kernel={ms(e.kernel.latencyP95)}
        agrees={e.agrees.p95}
        note={t('monitor.explain.p95Exact', { value: ms(e.p95ExactMs) })}
        highlight={highlight === 'p95'}
      />
      <Verdict reasons={e.reasons} demandCv={e.demandCv} />
    </div>
  );
}
