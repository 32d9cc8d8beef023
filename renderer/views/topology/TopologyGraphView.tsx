import '@xyflow/react/dist/style.css';
import { applyNodeChanges, Background, BackgroundVariant, type Node, type NodeChange, type OnSelectionChangeParams, ReactFlow, type Edge, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { collapseFanouts, DEFAULT_FANOUT_LIMIT } from '../../../shared/topology/collapse.js';
import { filterGraph, kindsIn } from '../../../shared/topology/filter.js';
import { buildGraph } from '../../../shared/topology/graph.js';
import type { TopologyGraph } from '../../../shared/topology/graph-model.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useRemembered } from '../../state/useRemembered.js';
import { useConsole, useStore } from '../../state/StoreProvider.js';
import { ArrowMarkers } from './ArrowMarkers.js';
import { GraphCanvas } from './canvas/GraphCanvas.js';
import { MiniMapCanvas } from './canvas/MiniMapCanvas.js';
import { edgeAt } from './canvas/paint-scene.js';
import { buildScene, isLargeGraph } from './canvas/scene.js';
import { exportGraph } from './export-graph.js';
import { flowEdges, flowNodes } from './flow-elements.js';
import { focusedNeighbourhood, foldingExchanges } from './focus.js';
import { useGraphExtensions } from './graph-extensions.js';
import { GrowthTracker } from './growth.js';
import { Legend } from './Legend.js';
import { queueIndex } from './live-index.js';
import { sizeOf } from './node-size.js';
import { ExchangeNodeView } from './nodes/ExchangeNodeView.js';
import { GroupNodeView } from './nodes/GroupNodeView.js';
import type { TopologyFlowNode } from './nodes/node-data.js';
import { QueueNodeView } from './nodes/QueueNodeView.js';
import { loadPins, pinsKey, savePins } from './pins.js';
import type { Point } from './placement.js';
import { cycle, searchGraph } from './search.js';
import { TopologyContext, type TopologyViewContext } from './topology-context.js';
import { TopologyToolbar } from './TopologyToolbar.js';
import { useLayout } from './useLayout.js';
import { withOverlay } from './with-overlay.js';
import { useSharedTopologySnapshot } from './useTopologySnapshot.js';
import { useSettledNear, ZoomDetail } from './ZoomDetail.js';

const NODE_TYPES = { exchange: ExchangeNodeView, queue: QueueNodeView, group: GroupNodeView };
const EMPTY_GRAPH: TopologyGraph = { nodes: [], edges: [] };
const NO_NODES: TopologyFlowNode[] = [];
const NO_EDGES: Edge[] = [];
const NO_KINDS: ReadonlySet<string> = new Set();
const NO_FOCUS: readonly string[] = [];
/** How close to a canvas edge, in pixels, a click picks it. */
const EDGE_PICK_PIXELS = 6;

/** focusRequest: node ids an address asks to focus on (with their neighbours), applied once the graph has loaded. */
export function TopologyGraphView({ vhost, profileId, title, focusRequest }: { vhost: string; profileId: string; title: string; focusRequest: readonly string[] | null }) {
  const store = useStore();
  const ext = useGraphExtensions();
  const flow = useReactFlow<TopologyFlowNode>();
  const containerRef = useRef<HTMLDivElement>(null);
  const { snapshot, error, loading, refresh } = useSharedTopologySnapshot();

  const [showDefault, setShowDefault] = useRemembered('topology.showDefault', false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [fresh, setFresh] = useState(0);
  const [nameFilter, setNameFilter] = useState('');
  const [hiddenKinds, setHiddenKinds] = useState<ReadonlySet<string>>(NO_KINDS);
  const [search, setSearch] = useState('');
  const [hitIndex, setHitIndex] = useState(-1);
  const [focus, setFocus] = useState<readonly string[]>(NO_FOCUS);
  const pendingFocus = useRef<string | null>(null);
  /** A requested focus waiting for its nodes to be placed, to fit the view around them. */
  const pendingFit = useRef<readonly string[] | null>(null);
  const appliedRequest = useRef<readonly string[] | null>(null);
  const storageKey = pinsKey(profileId, vhost);
  const [pins, setPins] = useState(() => loadPins(storageKey));

  const growth = useMemo(() => new GrowthTracker(), []);
  useEffect(() => {
    const record = (): void => growth.record(store.getState().inventory.queues);
    record();
    return store.subscribe(record);
  }, [store, growth]);

  const base = useMemo(() => (snapshot ? buildGraph(snapshot, { showDefaultExchange: showDefault }) : EMPTY_GRAPH), [snapshot, showDefault]);
  const collapsed = useMemo(() => collapseFanouts(base, DEFAULT_FANOUT_LIMIT, expanded), [base, expanded]);
  const graph = useMemo(() => {
    if (!ext.overlay) return collapsed;
    return withOverlay(collapsed, ext.overlay);
  }, [collapsed, ext.overlay]);
  const viewCentre = useCallback((): Point | null => {
    const box = containerRef.current?.querySelector('.react-flow')?.getBoundingClientRect();
    return box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : null;
  }, [flow]);
  const layout = useLayout(graph, pins, fresh, viewCentre);

  const kinds = useMemo(() => kindsIn(graph), [graph]);
  const hidden = useMemo(() => {
    const kept = new Set(filterGraph(graph, { name: nameFilter, hiddenKinds }).nodes.map((n) => n.id));
    return new Set(graph.nodes.filter((n) => !kept.has(n.id)).map((n) => n.id));
  }, [graph, nameFilter, hiddenKinds]);
  const hits = useMemo(() => searchGraph(graph, search), [graph, search]);
  const lit = useMemo(() => {
    if (ext.highlight) return ext.highlight;
    const around = focusedNeighbourhood(graph, focus);
    if (around) return around;
    if (hits.length > 0) return { nodes: new Set(hits.map((h) => h.nodeId)), edges: new Set<string>() };
    return null;
  }, [ext.highlight, focus, graph, hits]);

  const positions = useMemo(() => {
    if (pins.size === 0) return layout.positions;
    const merged = new Map(layout.positions);
    for (const [id, p] of pins) if (merged.has(id)) merged.set(id, p);
    return merged;
  }, [layout.positions, pins]);

  const computedNodes = useMemo(() => flowNodes(graph, positions, pins, { lit, hidden, overlay: ext.overlay ?? null }), [graph, positions, pins, lit, hidden, ext.overlay]);
  const near = useSettledNear();
  const [fitted, setFitted] = useState(false);
  // A large graph's edges are drawn on a canvas, and zoomed out its nodes too; React Flow gets its nodes once they are readable.
  const large = isLargeGraph(graph);
  const overview = large && (!fitted || !near);
  // A large graph's edges are on the canvas, not React Flow's: a click picks one, Delete removes it.
  const [pickedEdge, setPickedEdge] = useState<string | null>(null);
  const scene = useMemo(() => buildScene({ graph, positions, hidden, lit, overlay: ext.overlay ?? null, selectedEdge: pickedEdge }), [graph, positions, hidden, lit, ext.overlay, pickedEdge]);
  const edges = useMemo(() => (large ? NO_EDGES : flowEdges(graph, { lit, hidden, overlay: ext.overlay ?? null }, near)), [large, graph, lit, hidden, ext.overlay, near]);
  const [nodes, setNodes] = useState<TopologyFlowNode[]>([]);
  useEffect(() => {
    // Keep the user's selection across rebuilds (a new highlight, a pin).
    setNodes((previous) => {
      const selected = new Set(previous.filter((n) => n.selected).map((n) => n.id));
      return selected.size === 0 ? computedNodes : computedNodes.map((n) => (selected.has(n.id) ? { ...n, selected: true } : n));
    });
  }, [computedNodes]);
  const onNodesChange = useCallback((changes: NodeChange<TopologyFlowNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);

  const centerOn = useCallback(
    (id: string) => {
      const at = positions.get(id);
      const node = graph.nodes.find((n) => n.id === id);
      if (!at || !node) return false;
      const { width, height } = sizeOf(node);
      void flow.setCenter(at.x + width / 2, at.y + height / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
      return true;
    },
    [positions, graph, flow],
  );

  /** Fits the shown nodes (or only some), from their positions: React Flow's own fit knows only the nodes it has mounted. */
  const fitNodes = useCallback(
    (duration: number, only: ReadonlySet<string> | null = null): boolean => {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const n of graph.nodes) {
        const at = positions.get(n.id);
        if (!at || hidden.has(n.id) || (only && !only.has(n.id))) continue;
        const { width, height } = sizeOf(n);
        minX = Math.min(minX, at.x);
        minY = Math.min(minY, at.y);
        maxX = Math.max(maxX, at.x + width);
        maxY = Math.max(maxY, at.y + height);
      }
      if (minX === Infinity) return false;
      const rect = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
      // No closer than 100 %: a small graph fills the window at a readable size, not a blown-up one.
      const pad = 0.08;
      const { width: w, height: h } = containerRef.current?.querySelector('.react-flow')?.getBoundingClientRect() ?? { width: 0, height: 0 };
      const zoom = Math.min(1, w / (rect.width * (1 + 2 * pad)), h / (rect.height * (1 + 2 * pad)));
      if (!Number.isFinite(zoom) || zoom <= 0) return false;
      void flow.setViewport({ x: w / 2 - (rect.x + rect.width / 2) * zoom, y: h / 2 - (rect.y + rect.height / 2) * zoom, zoom }, { duration });
      return true;
    },
    [graph, positions, hidden, flow],
  );

  // An address's focus: fan-outs hiding a focused queue open first, then the view fits the focus once placed.
  useEffect(() => {
    if (!focusRequest || focusRequest === appliedRequest.current || collapsed.nodes.length === 0) return;
    appliedRequest.current = focusRequest;
    const folding = foldingExchanges(collapsed, focusRequest).filter((x) => !expanded.has(x));
    if (folding.length > 0) {
      setExpanded(new Set([...expanded, ...folding]));
      setFresh((n) => n + 1);
    }
    setFocus(focusRequest);
    pendingFit.current = focusRequest;
  }, [focusRequest, collapsed, expanded]);

  // The first layout fits the window; a focus waiting for a fan-out to open lands once it is placed.
  useEffect(() => {
    if (layout.runs === 0) return;
    const frame = requestAnimationFrame(() => {
      // Fitted once there is something to fit: an empty vhost that fills up later still gets fitted.
      if (!fitted && fitNodes(0)) setFitted(true);
      if (pendingFocus.current && centerOn(pendingFocus.current)) pendingFocus.current = null;
      const fit = pendingFit.current;
      if (fit && foldingExchanges(graph, fit).length === 0) {
        const around = focusedNeighbourhood(graph, fit);
        if (!around) pendingFit.current = null;
        else if ([...around.nodes].every((id) => positions.has(id)) && fitNodes(300, around.nodes)) pendingFit.current = null;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [layout.runs, fitted, fitNodes, centerOn, graph, positions]);

  // A node added from the palette may land in free space outside the view: show it, as the user expects to see what they made.
  const knownAdded = useRef<Set<string>>(new Set());
  const pendingReveal = useRef<string | null>(null);
  useEffect(() => {
    const added = (ext.overlay?.nodes ?? []).filter((n) => n.change === 'add').map((n) => n.id);
    const fresh = added.filter((id) => !knownAdded.current.has(id));
    knownAdded.current = new Set(added);
    if (fresh.length > 0) pendingReveal.current = fresh.at(-1) as string;
  }, [ext.overlay]);
  const revealNode = useCallback(
    (id: string): boolean => {
      const at = positions.get(id);
      const node = graph.nodes.find((n) => n.id === id);
      const box = containerRef.current?.querySelector('.react-flow')?.getBoundingClientRect();
      if (!at || !node || !box) return false;
      const { width, height } = sizeOf(node);
      const topLeft = flow.screenToFlowPosition({ x: box.left, y: box.top });
      const bottomRight = flow.screenToFlowPosition({ x: box.right, y: box.bottom });
      const inView = at.x >= topLeft.x && at.y >= topLeft.y && at.x + width <= bottomRight.x && at.y + height <= bottomRight.y;
      // At once, not animated: a drag started right after must find the node where it is drawn.
      if (!inView) void flow.setCenter(at.x + width / 2, at.y + height / 2, { zoom: flow.getZoom(), duration: 0 });
      return true;
    },
    [positions, graph, flow],
  );
  useEffect(() => {
    const id = pendingReveal.current;
    if (id === null || !positions.has(id)) return;
    const frame = requestAnimationFrame(() => {
      if (revealNode(id)) pendingReveal.current = null;
    });
    return () => cancelAnimationFrame(frame);
  }, [positions, revealNode]);

  const focusNode = useCallback(
    (id: string, inGroupOf: string | null) => {
      setFocus([id]);
      if (inGroupOf !== null && !expanded.has(inGroupOf)) {
        pendingFocus.current = id;
        setExpanded(new Set([...expanded, inGroupOf]));
        setFresh((n) => n + 1);
        return;
      }
      centerOn(id);
    },
    [expanded, centerOn],
  );

  const onSearch = (value: string): void => {
    setSearch(value);
    setHitIndex(-1);
    if (value.trim() === '') setFocus(NO_FOCUS);
  };
  const onStep = (backwards: boolean): void => {
    const next = cycle(hitIndex, hits.length, backwards);
    setHitIndex(next);
    const hit = hits[next];
    if (hit) focusNode(hit.nodeId, hit.inGroupOf);
  };

  const updatePins = (next: Map<string, Point>): void => {
    savePins(storageKey, next);
    setPins(next);
  };
  const onNodeDragStop = (_: unknown, _node: Node, dragged: Node[]): void => {
    const next = new Map(pins);
    for (const n of dragged) next.set(n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) });
    updatePins(next);
  };
  const selectedIds = nodes.filter((n) => n.selected).map((n) => n.id);
  const selectedPinned = selectedIds.filter((id) => pins.has(id));

  const toggleFanout = useCallback((exchange: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(exchange)) next.delete(exchange);
      else next.add(exchange);
      return next;
    });
    setFresh((n) => n + 1);
  }, []);
  const context: TopologyViewContext = useMemo(() => ({ vhost, growth, toggleFanout, connectable: ext.onConnect !== undefined }), [vhost, growth, toggleFanout, ext.onConnect]);

  const onExport = (format: 'svg' | 'png'): void => {
    const container = containerRef.current;
    if (!container) return;
    exportGraph({ graph, positionOf: (id) => positions.get(id), hidden, queues: queueIndex(store.getState().inventory.queues), vhost, title, themeFrom: container }, format).catch((err: unknown) => {
      console.warn('export failed:', err instanceof Error ? err.message : String(err));
    });
  };

  // Stable: React Flow calls a new selection handler at once, and extensions are rebuilt whenever their
  // own state changes (often because of this very call), which would otherwise never settle.
  const extRef = useRef(ext);
  extRef.current = ext;
  const onSelectionChange = useCallback(({ nodes: n, edges: e }: OnSelectionChangeParams) => {
    if (n.length > 0) setPickedEdge(null);
    extRef.current.onSelectionChange?.({ nodes: n.map((x) => x.id), edges: e.map((x) => x.id) });
  }, []);
  const pickEdge = (id: string | null): void => {
    setPickedEdge(id);
    extRef.current.onSelectionChange?.({ nodes: [], edges: id ? [id] : [] });
  };
  useEffect(() => {
    if (!pickedEdge) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Delete' && event.key !== 'Backspace') return;
      if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]')) return;
      extRef.current.onDeleteSelection?.({ nodes: [], edges: [pickedEdge] });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pickedEdge]);

  if (!snapshot && error) {
    return (
      <EmptyState title="Cannot read the topology">
        <p>{error}</p>
        <button type="button" className="button" onClick={refresh}>
          Try again
        </button>
      </EmptyState>
    );
  }

  return (
    <TopologyContext.Provider value={context}>
      <div className="topology-layout">
        <div
          className="topology"
          ref={containerRef}
          data-testid="topology"
          data-layout-runs={layout.runs}
          data-layout-ms={layout.ms === null ? '' : layout.ms.toFixed(0)}
          data-layout-engine={layout.engine ?? ''}
          data-nodes={graph.nodes.length}
          data-edges={graph.edges.length}
          aria-busy={loading || layout.running}
        >
          <TopologyToolbar
            search={{ value: search, onChange: onSearch, position: hitIndex, count: hits.length, onStep }}
            nameFilter={nameFilter}
            onNameFilter={setNameFilter}
            kinds={kinds}
            hiddenKinds={hiddenKinds}
            onToggleKind={(kind) => {
              const next = new Set(hiddenKinds);
              if (next.has(kind)) next.delete(kind);
              else next.add(kind);
              setHiddenKinds(next);
            }}
            showDefault={showDefault}
            onShowDefault={(show) => {
              setShowDefault(show);
              setFresh((n) => n + 1);
            }}
            onZoomIn={() => void flow.zoomIn({ duration: 150 })}
            onZoomOut={() => void flow.zoomOut({ duration: 150 })}
            onFit={() => fitNodes(250)}
            onRelayout={() => setFresh((n) => n + 1)}
            onResetLayout={() => {
              updatePins(new Map());
              setFresh((n) => n + 1);
            }}
            onUnpin={
              selectedPinned.length > 0
                ? () => {
                    const next = new Map(pins);
                    for (const id of selectedPinned) next.delete(id);
                    updatePins(next);
                  }
                : null
            }
            onExportSvg={() => onExport('svg')}
            onExportPng={() => onExport('png')}
            onRefresh={refresh}
            busy={layout.running}
            extra={ext.toolbar}
          />
          <div className="topology__canvas">
            <ArrowMarkers />
            <ReactFlow<TopologyFlowNode>
              nodes={overview ? NO_NODES : nodes}
              edges={edges}
              nodeTypes={NODE_TYPES}
              onNodesChange={onNodesChange}
              onNodeDragStop={onNodeDragStop}
              onNodeClick={(_, node) => setFocus([node.id])}
              onPaneClick={(event) => {
                const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
                const hit = overview ? nodeAt(graph, positions, hidden, at) : null;
                setFocus(hit ? [hit] : NO_FOCUS);
                if (hit) centerOn(hit);
                if (large && !overview) pickEdge(edgeAt(scene, at, EDGE_PICK_PIXELS / flow.getZoom()));
                else if (pickedEdge) pickEdge(null);
              }}
              onSelectionChange={onSelectionChange}
              onConnect={ext.onConnect ? (c) => ext.onConnect?.(c.source, c.target) : undefined}
              nodesConnectable={ext.onConnect !== undefined}
              deleteKeyCode={ext.onDeleteSelection ? ['Delete', 'Backspace'] : null}
              onBeforeDelete={async ({ nodes: n, edges: e }) => {
                ext.onDeleteSelection?.({ nodes: n.map((x) => x.id), edges: e.map((x) => x.id) });
                // The editor records the deletion as a pending change; the graph changes once it is applied.
                return false;
              }}
              onlyRenderVisibleElements
              minZoom={0.01}
              maxZoom={2}
              colorMode="system"
              attributionPosition="bottom-left"
              proOptions={{ hideAttribution: false }}
            >
              <ZoomDetail container={containerRef} />
              {/* A large graph's canvas fills the view with edges; dots under it would only cost a re-raster per frame. */}
              {large ? null : <Background variant={BackgroundVariant.Dots} gap={20} size={1} />}
              {large ? <GraphCanvas scene={scene} drawNodes={overview} /> : null}
              <MiniMapCanvas scene={scene} />
            </ReactFlow>
            <Legend />
            {graph.nodes.length === 0 && snapshot ? <div className="topology__empty">No exchanges or queues in this vhost{showDefault ? '' : ' (the default exchange is hidden)'}.</div> : null}
            {loading && !snapshot ? <div className="topology__empty">Reading the topology…</div> : null}
            {layout.error ? <div className="topology__empty">Layout failed: {layout.error}</div> : null}
          </div>
        </div>
        {ext.panel}
      </div>
    </TopologyContext.Provider>
  );
}

/** The node under a point of the overview, for a click that zooms to it. */
function nodeAt(graph: TopologyGraph, positions: ReadonlyMap<string, Point>, hidden: ReadonlySet<string>, p: Point): string | null {
  for (const n of graph.nodes) {
    const at = positions.get(n.id);
    if (!at || hidden.has(n.id)) continue;
    const { width, height } = sizeOf(n);
    if (p.x >= at.x && p.x <= at.x + width && p.y >= at.y && p.y <= at.y + height) return n.id;
  }
  return null;
}
