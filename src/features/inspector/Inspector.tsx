import { useT } from '../../i18n';
import { useTopologyStore } from '../../state/topologyStore';
import { Suspense } from 'react';
import { lazyPanel } from '../../ui/lazyPanel';
import { Loading } from '../../ui/Loading';
import { NodeInspector } from './NodeInspector';
import { TopologySummary } from './TopologySummary';

// A link's settings and failure controls load with the first link selected.
const LinkInspector = lazyPanel(() => import('./LinkInspector'), 'LinkInspector');

/** The right-hand panel: the selected node or link, or the topology when nothing is selected. */
export function Inspector() {
  const t = useT();
  const { nodes, links } = useTopologyStore((s) => s.selection);
  let body;
  if (nodes.length === 1 && links.length === 0 && nodes[0]) {
    // Keyed by id: switching nodes drops any half-typed draft of the previous one.
    body = <NodeInspector key={nodes[0]} nodeId={nodes[0]} />;
  } else if (links.length === 1 && nodes.length === 0 && links[0]) {
    body = (
      <Suspense fallback={<Loading />}>
        <LinkInspector key={links[0]} linkId={links[0]} />
      </Suspense>
    );
  } else if (nodes.length + links.length > 1) {
    body = (
      <div className="flex flex-col gap-2" data-testid="inspect-multi">
        <h2 className="text-lg font-semibold">
          {t('inspector.multi', { nodes: t.num(nodes.length), links: t.num(links.length) })}
        </h2>
        <p className="text-sm text-muted">{t('inspector.multiHint')}</p>
      </div>
    );
  } else {
    body = <TopologySummary />;
  }
  return (
    <section data-testid="inspector" aria-label={t('layout.inspector')} className="p-4">
      {body}
    </section>
  );
}
