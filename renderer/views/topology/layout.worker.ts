import elkModule from 'elkjs/lib/elk.bundled.js';
import { fastLayered } from './fast-layered.js';
import type { LayoutRequest, LayoutResponse } from './layout-protocol.js';

/**
 * Up to this many nodes ELK lays the graph out (a few hundred milliseconds);
 * past it ELK's time grows to tens of seconds, and the fast layered layout
 * takes over so a vhost with thousands of queues still opens at once.
 */
export const ELK_NODE_LIMIT = 400;

/**
 * ELK's layered layout, left to right, in a worker so a vhost with thousands
 * of nodes never blocks the window. Options favour speed on large graphs:
 * one crossing-minimisation pass and Brandes-Köpf placement are several times
 * faster than the defaults and look as good for this kind of graph.
 */
// elkjs is CommonJS marked __esModule: the bundler hands over its default export, TypeScript's
// NodeNext typing sees the whole module object. Accept either.
const ELK = ((elkModule as { default?: unknown }).default ?? elkModule) as typeof elkModule.default;
const elk = new ELK();

const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'POLYLINE',
  'elk.spacing.nodeNode': '18',
  'elk.layered.spacing.nodeNodeBetweenLayers': '110',
  'elk.spacing.componentComponent': '40',
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.aspectRatio': '1.6',
};

type Scope = { onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null; postMessage(message: LayoutResponse): void };
// elk.bundled.js claims a worker's onmessage for its own protocol when loaded in one; this assignment takes it back.
const scope = self as unknown as Scope;

scope.onmessage = (event) => {
  const { seq, nodes, edges } = event.data;
  const started = performance.now();
  if (nodes.length > ELK_NODE_LIMIT) {
    try {
      const positions = fastLayered({ nodes, edges });
      scope.postMessage({ seq, ok: true, positions, ms: performance.now() - started, engine: 'fast' });
    } catch (error) {
      scope.postMessage({ seq, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  elk
    .layout({
      id: 'root',
      layoutOptions: OPTIONS,
      children: nodes,
      edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
    })
    .then((result) => {
      const positions: Record<string, { x: number; y: number }> = {};
      for (const child of result.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
      scope.postMessage({ seq, ok: true, positions, ms: performance.now() - started, engine: 'elk' });
    })
    .catch((error: unknown) => scope.postMessage({ seq, ok: false, error: error instanceof Error ? error.message : String(error) }));
};
