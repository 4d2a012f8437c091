import { useShallow } from 'zustand/react/shallow';
import { t as text, type TopologyNode } from '../../core/model';
import type { CohortStatus } from '../../core/sim';
import { useT } from '../../i18n';
import { readNodeField, useSimStore } from '../../state/simStore';
import { useTopologyStore } from '../../state/topologyStore';
import { useTx } from './shared';
import { Section } from './ui';

const EMPTY: CohortStatus[] = [];

/**
 * A DNS name: its records (the links), the TTL, and which user cohorts hold which answer now and
 * for how long, with dead addresses marked, so a stale cache pointing at a dead server shows.
 */
export function DnsPanel({ node }: { node: TopologyNode & { kind: 'dns' } }) {
  const t = useT();
  const tx = useTx();
  const topo = useTopologyStore((s) => s.doc.present);
  const cohorts = useSimStore(
    useShallow((s) => s.frame?.cohorts.filter((c) => c.dns === node.id) ?? EMPTY),
  );
  const now = useSimStore((s) => s.time);
  const dead = useSimStore(
    useShallow((s) =>
      topo.nodes.filter((n) => readNodeField(s, n.id, 'up') === 0).map((n) => n.id),
    ),
  );
  const records = topo.links.filter((l) => l.from === node.id);
  const label = (id: string) => topo.nodes.find((n) => n.id === id)?.label || id;
  return (
    <Section
      title={tx(text('Records and cached answers', '레코드와 캐시된 응답'))}
      testId="mech-dns"
    >
      <p className="text-sm">
        {tx(
          text(
            `TTL {ttl} s · {n} ${records.length === 1 ? 'record' : 'records'}:`,
            'TTL {ttl}초 · 레코드 {n}개:',
          ),
          {
            ttl: node.params.ttlSec,
            n: records.length,
          },
        )}{' '}
        {records.map((l) => (
          <span
            key={l.id}
            className={`mr-1 font-mono text-xs ${dead.includes(l.to) ? 'text-danger line-through' : ''}`}
          >
            {label(l.to)}
          </span>
        ))}
      </p>
      {cohorts.length === 0 ? (
        <p className="text-sm text-muted">
          {tx(
            text('No cached answers yet: press play.', '캐시된 응답이 아직 없습니다: 재생하세요.'),
          )}
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-1 text-sm">
          {cohorts.map((c) => {
            const isDead = dead.includes(c.address);
            return (
              <li
                key={`${c.users ?? ''}-${c.cohort}`}
                data-testid={`mech-cohort-${c.cohort}`}
                data-dead={isDead}
                className={`flex justify-between gap-2 rounded px-2 py-1 ${isDead ? 'bg-danger-soft text-danger' : 'bg-surface'}`}
              >
                <span>
                  {tx(text('Cohort {n}', '코호트 {n}'), { n: c.cohort + 1 })}
                  {c.users ? (
                    <span className="text-xs text-muted"> ({label(c.users)})</span>
                  ) : null}{' '}
                  → <span className="font-medium whitespace-nowrap">{label(c.address)}</span>
                  {isDead && (
                    <span className="ml-1 font-semibold">✕ {tx(text('dead', '죽음'))}</span>
                  )}
                </span>
                <span className="shrink-0 text-xs whitespace-nowrap tabular-nums">
                  {tx(text('expires in {s} s', '{s}초 후 만료'), {
                    s: t.num(Math.max(0, c.expiresAt - now), { maximumFractionDigits: 0 }),
                  })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
