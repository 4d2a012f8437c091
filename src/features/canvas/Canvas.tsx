import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
  type XYPosition,
} from '@xyflow/react';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { connectRefusal } from '../../core/model';
import { useT } from '../../i18n';
import { useResolvedTheme } from '../../state/themeStore';
import { useTopology, useTopologyStore } from '../../state/topologyStore';
import { FlowEdge } from '../metrics/FlowEdge';
import { cardOrigin, isKindId, KIND_MIME } from './addNodes';
import { CanvasHint } from './CanvasHint';
import {
  EdgeMapper,
  GRID,
  NodeMapper,
  type CardNode,
  type LinkEdgeType,
  type Size,
} from './flowMapping';
import { NodeCard } from './NodeCard';
import { useEditorShortcuts } from './shortcuts';
import { useFlowAriaLabels } from './useFlowAriaLabels';

// Module scope: React Flow re-creates every node when these objects change identity.
const nodeTypes = { card: NodeCard };
// FlowEdge draws the editor's LinkEdge plus the traffic it carries (band width, moving dots).
const edgeTypes = { link: FlowEdge };
const SNAP: [number, number] = [GRID, GRID];
const FIT_OPTIONS = { padding: 0.2, maxZoom: 1.2 };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

const getStore = () => useTopologyStore.getState();

/** The node under a point, from the DOM (a drop on a card that has no handle there). */
function nodeIdAt(event: MouseEvent | TouchEvent): string | null {
  const p = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!p) return null;
  const el = document.elementFromPoint(p.clientX, p.clientY)?.closest('.react-flow__node');
  return el?.getAttribute('data-id') ?? null;
}

/**
 * The topology canvas: React Flow controlled by the topology store. Positions are transient while
 * a drag is in progress and recorded once at its end, so one drag is one undo step.
 */
export function Canvas() {
  const t = useT();
  const topology = useTopology();
  const selection = useTopologyStore((s) => s.selection);
  const colorMode = useResolvedTheme();
  const ariaLabelConfig = useFlowAriaLabels();
  const { screenToFlowPosition } = useReactFlow();
  const [dragging, setDragging] = useState<ReadonlyMap<string, XYPosition>>(() => new Map());
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const [nodeMapper] = useState(() => new NodeMapper());
  const [edgeMapper] = useState(() => new EdgeMapper());
  // Fit the restored workspace on load. On an empty canvas React Flow would instead fit the first
  // node added, zooming in on it, which is not what "fit on load" means.
  const [fitOnLoad] = useState(() => getStore().doc.present.nodes.length > 0);
  useEditorShortcuts();

  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedLinks = useMemo(() => new Set(selection.links), [selection.links]);
  const nodes = useMemo(
    () => nodeMapper.map(topology.nodes, selectedNodes, dragging, measured),
    [nodeMapper, topology.nodes, selectedNodes, dragging, measured],
  );
  const edges = useMemo(
    () => edgeMapper.map(topology.links, selectedLinks),
    [edgeMapper, topology.links, selectedLinks],
  );

  const onNodesChange = useCallback((changes: NodeChange<CardNode>[]) => {
    const store = getStore();
    let selected: Set<string> | null = null;
    const moving = new Map<string, XYPosition>();
    const moved = new Map<string, XYPosition>();
    const sizes = new Map<string, Size>();
    for (const c of changes) {
      if (c.type === 'select') {
        selected ??= new Set(store.selection.nodes);
        if (c.selected) selected.add(c.id);
        else selected.delete(c.id);
      } else if (c.type === 'position' && c.position) {
        (c.dragging ? moving : moved).set(c.id, c.position);
      } else if (c.type === 'dimensions' && c.dimensions) {
        sizes.set(c.id, c.dimensions);
      }
    }
    if (selected) store.setSelection({ nodes: [...selected], links: store.selection.links });
    if (moved.size > 0) store.moveNodes(moved);
    if (moving.size > 0 || moved.size > 0)
      setDragging((prev) => {
        const next = new Map(prev);
        for (const [id, p] of moving) next.set(id, p);
        for (const id of moved.keys()) next.delete(id);
        return next;
      });
    if (sizes.size > 0)
      setMeasured((prev) => {
        let next: Map<string, Size> | null = null;
        for (const [id, d] of sizes) {
          const old = prev.get(id);
          if (old && old.width === d.width && old.height === d.height) continue;
          next ??= new Map(prev);
          next.set(id, d);
        }
        return next ?? prev;
      });
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<LinkEdgeType>[]) => {
    const store = getStore();
    let selected: Set<string> | null = null;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      selected ??= new Set(store.selection.links);
      if (c.selected) selected.add(c.id);
      else selected.delete(c.id);
    }
    if (selected) store.setSelection({ nodes: store.selection.nodes, links: [...selected] });
  }, []);

  const onNodeDragStop = useCallback((_: unknown, __: CardNode, dragged: CardNode[]) => {
    // Normally the final position change has been recorded already (moveNodes skips no-ops);
    // this catches a drag whose last event React Flow did not report as a change.
    getStore().moveNodes(new Map(dragged.map((n) => [n.id, n.position])));
    setDragging((prev) => (prev.size === 0 ? prev : new Map()));
  }, []);

  const isValidConnection: IsValidConnection = useCallback(
    (c) => connectRefusal(getStore().doc.present, c.source, c.target) === null,
    [],
  );

  const onConnect = useCallback((c: Connection) => {
    getStore().connect(c.source, c.target);
  }, []);

  // A refused link is not reported by onConnect: find what it was dropped on and say why.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return;
      const other = state.toNode?.id ?? nodeIdAt(event);
      const from = state.fromNode.id;
      if (!other || other === from) return;
      // Dragging backwards from an incoming handle makes the other node the caller.
      const [caller, callee] = state.fromHandle?.type === 'target' ? [other, from] : [from, other];
      getStore().connect(caller, callee);
    },
    [],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(KIND_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(KIND_MIME);
      if (!isKindId(kind)) return;
      e.preventDefault();
      const at = cardOrigin(screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      getStore().addNode(kind, at.x, at.y);
    },
    [screenToFlowPosition],
  );

  return (
    <div
      className="canvas-area relative h-full w-full"
      data-testid="canvas"
      aria-label={t('layout.canvas')}
      role="region"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<CardNode, LinkEdgeType>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        colorMode={colorMode}
        ariaLabelConfig={ariaLabelConfig}
        snapToGrid
        snapGrid={SNAP}
        fitView={fitOnLoad}
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.1}
        maxZoom={2.5}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        connectionRadius={30}
        attributionPosition="top-right"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          position="bottom-right"
          pannable
          zoomable
          ariaLabel={t('canvas.minimap')}
          nodeColor="var(--minimap-node)"
        />
      </ReactFlow>
      {topology.nodes.length === 0 && <CanvasHint />}
    </div>
  );
}
