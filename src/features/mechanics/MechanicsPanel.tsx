import type { TopologyNode } from '../../core/model';
import { useTopologyStore } from '../../state/topologyStore';
import { AsgInstances } from './AsgInstances';
import { DnsPanel } from './DnsPanel';
import { MachineControls } from './FailureControls';
import { ImagePanel } from './ImagePanel';
import { LbTargetsPanel } from './LbTargetsPanel';
import { MissingLinks } from './MissingLinks';
import { ReplicaShardPanel } from './ReplicaShardPanel';
import { ScaleUpPanel } from './ScaleUpPanel';
import { SplitRolePanel } from './SplitRolePanel';
import { Timeline } from './Timeline';
import { TrafficControls } from './TrafficControls';

/** Hands-on actions for the selected node, by kind: what a learner does to it and sees happen. */
export function MechanicsPanel({ nodeId }: { nodeId: string }) {
  const node = useTopologyStore((s) => s.doc.present.nodes.find((n) => n.id === nodeId));
  if (!node) return null;
  return (
    <div className="flex flex-col gap-3" data-testid="mechanics">
      <MissingLinks nodeId={node.id} />
      <KindPanels node={node} />
      <Timeline />
    </div>
  );
}

function KindPanels({ node }: { node: TopologyNode }) {
  switch (node.kind) {
    case 'server':
      return (
        <>
          <ScaleUpPanel node={node} />
          <SplitRolePanel node={node} />
          <MachineControls nodeId={node.id} />
          <ImagePanel node={node} />
        </>
      );
    case 'dbPrimary':
      return (
        <>
          <ScaleUpPanel node={node} />
          <ReplicaShardPanel node={node} />
          <MachineControls nodeId={node.id} />
        </>
      );
    case 'dbReplica':
    case 'cache':
      return (
        <>
          <ScaleUpPanel node={node} />
          <MachineControls nodeId={node.id} />
        </>
      );
    case 'asg':
      return (
        <>
          <AsgInstances asgId={node.id} />
          <ScaleUpPanel node={node} />
        </>
      );
    case 'lb':
      return <LbTargetsPanel node={node} />;
    case 'dns':
      return <DnsPanel node={node} />;
    case 'users':
      return <TrafficControls node={node} />;
  }
}
