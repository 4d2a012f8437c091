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
const num = (v: number) => (Number.isFinite(v) ? formatNumber(v) : '∞');
/** Cores: whole numbers as they are (2, not 2.00); fractions while warming up. */
const cores = (v: number) => (Math.abs(v - Math.round(v)) < 1e-9 ? String(Math.round(v)) : num(v));

const PART_LABEL: Record<DemandPart['part'], MessageKey> = {
  web: 'monitor.part.web',
  app: 'monitor.part.app',
  dbRead: 'monitor.part.dbRead',
  dbWrite: 'monitor.part.dbWrite',
  read: 'monitor.part.read',
  write: 'monitor.part.write',
  apply: 'monitor.part.apply',
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
  const hl = focus ? FOCUS_SECTION[focus] : undefined;
  if (e.kind === 'pass')
    return (
      <div className="flex flex-col gap-2">
        <p className="text-muted">{t('monitor.explain.passIntro')}</p>
        <Formula
          title={t('monitor.explain.little')}
          expr="L = λ · W"
          lines={[`= ${formatNumber(e.lambda)} req/s × ${ms(e.wMs)} = ${num(e.littleL)}`]}
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
  const perLambda = `${formatNumber(e.perInstance.lambda)} req/s`;
  // Service rate of one instance's cores, req/s.
  const cmu = e.serviceMs > 0 ? (e.perInstance.cores * 1000) / e.serviceMs : Infinity;
  const perInstance = e.instances > 1;
  const inputs: [string, ReactNode][] = [
    ['λ', `${lambda} — ${t('monitor.explain.lambda')}`],
    [
      'S',
      `(${parts}) ms${e.speed !== 1 ? ` ÷ ${e.speed}` : ''} = ${ms(e.serviceMs)} — ${t('monitor.explain.service', { parts: names })}`,
    ],
    [
      'c',
      `${cores(e.cores)} — ${t('monitor.explain.cores', { vcpu: e.vcpu, instances: e.instances })}`,
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
        lines={[`= ${lambda} × ${ms(e.serviceMs)} / ${cores(e.cores)} = ${pct(e.rho)}`]}
        kernel={pct(e.kernel.utilization)}
        agrees={e.agrees.rho}
        note={e.rho >= 1 ? t('monitor.explain.saturated') : undefined}
        highlight={highlight === 'rho'}
        testId="explain-rho"
      />
      <Formula
        title={t('monitor.explain.wait')}
        expr="a = λ · S,  C(c, a)"
        lines={[
          `a = ${perLambda} × ${ms(e.serviceMs)} = ${num(e.erlangs)}`,
          `C(${cores(e.perInstance.cores)}, ${num(e.erlangs)}) = ${e.pWait.toFixed(3)}`,
        ]}
        note={t('monitor.explain.pWait')}
        highlight={highlight === 'wait'}
        testId="explain-erlang"
      />
      <Formula
        title={t('monitor.explain.meanTime')}
        expr="Wq = C / (cμ − λ),  W = Wq + S"
        lines={[
          `cμ = ${cores(e.perInstance.cores)} / ${ms(e.serviceMs)} = ${num(cmu)} req/s`,
          e.stable
            ? `Wq = ${e.pWait.toFixed(3)} / (${num(cmu)} − ${num(e.perInstance.lambda)}) = ${ms(e.wqMs)}`
            : `cμ − λ ≤ 0 → Wq = ∞`,
          `W = ${ms(e.wqMs)} + ${ms(e.serviceMs)} = ${ms(e.wMs)}`,
        ]}
        kernel={e.idle ? undefined : ms(e.kernel.latencyMean)}
        agrees={e.agrees.w}
        highlight={highlight === 'wait'}
        testId="explain-w"
      />
      <Formula
        title={t('monitor.explain.little')}
        expr="L = λ · W"
        lines={[`= ${lambda} × ${ms(e.wMs)} = ${num(e.littleL)}`]}
        kernel={formatNumber(e.kernel.backlog)}
        agrees={e.agrees.l}
        note={t('monitor.explain.littleNote')}
        highlight={highlight === 'little'}
        testId="explain-little"
      />
      <Formula
        title={t('monitor.explain.p95')}
        expr="p95 ≈ Γ(W, Var W)"
        lines={[`= ${ms(e.p95Ms)}`]}
        kernel={e.idle ? undefined : ms(e.kernel.latencyP95)}
        agrees={e.agrees.p95}
        note={t('monitor.explain.p95Exact', { value: ms(e.p95ExactMs) })}
        highlight={highlight === 'p95'}
        testId="explain-p95"
      />
      <Verdict reasons={e.reasons} demandCv={e.demandCv} />
    </div>
  );
}
