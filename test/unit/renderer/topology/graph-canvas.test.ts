import { getBezierPath, Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { cacheRegion, contains, type Cubic, drawnArea, edgeAt, visibleParts } from '../../../../renderer/views/topology/canvas/paint-scene.js';
import { bezierEdge, buildScene, edgeLook, isLargeGraph } from '../../../../renderer/views/topology/canvas/scene.js';
import type { TopologyGraph } from '../../../../shared/topology/graph-model.js';
import { exchangeNodeId, queueNodeId } from '../../../../shared/topology/ids.js';

const graph: TopologyGraph = {
  nodes: [
    { id: exchangeNodeId('orders'), kind: 'exchange', name: 'orders', type: 'topic', durable: true, autoDelete: false, internal: false, policy: null, missing: false },
    { id: queueNodeId('paid'), kind: 'queue', name: 'paid', queueType: 'classic', durable: true, autoDelete: false, exclusive: false, policy: null },
    { id: queueNodeId('dead'), kind: 'queue', name: 'dead', queueType: 'classic', durable: true, autoDelete: false, exclusive: false, policy: null },
  ],
  edges: [
    { id: 'b1', kind: 'binding', source: exchangeNodeId('orders'), target: queueNodeId('paid'), label: 'order.paid' },
    { id: 'd1', kind: 'dead-letter', source: queueNodeId('paid'), target: queueNodeId('dead'), label: 'DLX' },
  ],
};
const positions = new Map([
  [exchangeNodeId('orders'), { x: 0, y: 0 }],
  [queueNodeId('paid'), { x: 400, y: 200 }],
  [queueNodeId('dead'), { x: 800, y: -100 }],
]);

describe('canvas edges', () => {
  it('follow the curve React Flow draws for an SVG edge, label at its middle', () => {
    const edge = bezierEdge('e', 10, 20, 400, 300, 'k');
    const [path, labelX, labelY] = getBezierPath({ sourceX: 10, sourceY: 20, sourcePosition: Position.Right, targetX: 400, targetY: 300, targetPosition: Position.Left });
    expect(path).toBe(`M10,20 C${edge.c1x},20 ${edge.c2x},300 400,300`);
    expect([edge.lx, edge.ly]).toEqual([labelX, labelY]);
    // A target left of its source loops back: the curve's box covers the loop.
    const back = bezierEdge('b', 400, 0, 100, 50, '');
    expect(back.maxX).toBeGreaterThan(400);
    expect(back.minX).toBeLessThan(100);
  });

  it('look heavier when lit, faint when something else is lit, and green or red while pending', () => {
    expect(edgeLook('binding', { lit: null, change: null })).toEqual({ colour: '--topo-edge', width: 1.3, dash: [], alpha: 1 });
    expect(edgeLook('binding', { lit: true, change: null })).toMatchObject({ colour: '--accent', width: 2.2, alpha: 1 });
    expect(edgeLook('dead-letter', { lit: true, change: null })).toMatchObject({ colour: '--bad', dash: [6, 4], width: 2.2 });
    expect(edgeLook('alternate', { lit: false, change: null })).toMatchObject({ colour: '--warn', alpha: 0.15 });
    expect(edgeLook('binding', { lit: null, change: 'add' })).toMatchObject({ colour: '--ok', dash: [6, 4] });
    expect(edgeLook('binding', { lit: null, change: 'remove' })).toMatchObject({ colour: '--bad', dash: [] });
  });

  it('are bucketed by look, faint first, and leave out what the filters hide', () => {
    const lit = { nodes: new Set([queueNodeId('paid')]), edges: new Set(['d1']) };
    const scene = buildScene({ graph, positions, hidden: new Set(), lit, overlay: null });
    expect(scene.edges.map((b) => [b.look.colour, b.look.alpha, b.items.map((e) => e.label)])).toEqual([
      ['--topo-edge', 0.15, ['order.paid']],
      ['--bad', 1, ['DLX']],
    ]);
    expect(scene.bounds).toEqual({ minX: 0, minY: -100, maxX: 1024, maxY: 278 });
    const filtered = buildScene({ graph, positions, hidden: new Set([queueNodeId('dead')]), lit: null, overlay: null });
    expect(filtered.edges.flatMap((b) => b.items.map((e) => e.label))).toEqual(['order.paid']);
    expect(filtered.nodes.flatMap((b) => b.items)).toHaveLength(2);
  });

  it('are picked by a click within a few pixels of the curve, the nearest first, and drawn as selected', () => {
    const scene = buildScene({ graph, positions, hidden: new Set(), lit: null, overlay: null, selectedEdge: 'd1' });
    const b1 = scene.edges.flatMap((b) => b.items).find((e) => e.id === 'b1')!;
    // On the curve at its middle, and a little off it.
    expect(edgeAt(scene, { x: b1.lx, y: b1.ly }, 6)).toBe('b1');
    expect(edgeAt(scene, { x: b1.lx + 3, y: b1.ly - 3 }, 6)).toBe('b1');
    expect(edgeAt(scene, { x: b1.lx, y: b1.ly + 60 }, 6)).toBeNull();
    expect(scene.edges.at(-1)).toMatchObject({ look: { colour: '--accent', width: 2.6 }, items: [{ id: 'd1' }] });
  });

  it('count as large past a thousand nodes or 1,500 edges', () => {
    expect(isLargeGraph(graph)).toBe(false);
    const edges = Array.from({ length: 1501 }, (_, i) => ({ ...graph.edges[0]!, id: `e${i}` }));
    expect(isLargeGraph({ nodes: graph.nodes, edges })).toBe(true);
  });
});

describe('visible parts of a long curve', () => {
  const point = (c: Cubic, t: number): [number, number] => {
    const u = 1 - t;
    return [u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6], u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7]];
  };

  it('keeps only small pieces near the view, which together cover every point of the curve in view', () => {
    const curve: Cubic = [0, 0, 20_000, 0, 20_000, 30_000, 40_000, 30_000];
    const view = { minX: 19_000, minY: 14_000, maxX: 21_000, maxY: 16_000 };
    const parts: Cubic[] = [];
    visibleParts(curve, view, 2000, parts);
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.length).toBeLessThan(8);
    for (const p of parts) expect(Math.max(p[6] - p[0], Math.abs(p[7] - p[1]))).toBeLessThanOrEqual(2000);
    // Every sampled point of the curve inside the view lies on one of the kept pieces.
    for (let i = 0; i <= 2000; i++) {
      const [x, y] = point(curve, i / 2000);
      if (x < view.minX || x > view.maxX || y < view.minY || y > view.maxY) continue;
      const covered = parts.some((p) => x >= Math.min(p[0], p[6]) - 1e-6 && x <= Math.max(p[0], p[6]) + 1e-6);
      expect(covered).toBe(true);
    }
  });

  it('keeps nothing of a curve that passes outside the view', () => {
    const parts: Cubic[] = [];
    visibleParts([0, 0, 500, 0, 500, 100, 1000, 100], { minX: 0, minY: 5000, maxX: 100, maxY: 5100 }, 100, parts);
    expect(parts).toEqual([]);
  });
});

describe('the cached region around the view', () => {
  const view = { minX: 0, minY: 0, maxX: 1000, maxY: 500 };
  const huge = { minX: -10_000, minY: -10_000, maxX: 10_000, maxY: 10_000 };

  it('draws only where the graph is, with room for strokes and labels', () => {
    expect(drawnArea(view, huge, 1)).toEqual(view);
    expect(drawnArea(view, { minX: 100, minY: 100, maxX: 600, maxY: 300 }, 1)).toEqual({ minX: 60, minY: 60, maxX: 640, maxY: 340 });
    expect(drawnArea(view, { minX: 5000, minY: 0, maxX: 6000, maxY: 100 }, 1)).toBeNull();
  });

  it('reaches half a view beyond what is drawn on every side, within the graph', () => {
    expect(cacheRegion(view, view, huge, 1, 4096)).toEqual({ minX: -500, minY: -250, maxX: 1500, maxY: 750 });
    const graph = { minX: 100, minY: 100, maxX: 600, maxY: 300 };
    expect(cacheRegion(drawnArea(view, graph, 1)!, view, graph, 1, 4096)).toEqual({ minX: 60, minY: 60, maxX: 640, maxY: 340 });
  });

  it('always contains what is drawn, stays within the pixel limit, and is null when that alone is larger', () => {
    const region = cacheRegion(view, view, huge, 2, 2400);
    expect(region && contains(region, view)).toBe(true);
    expect((region!.maxX - region!.minX) * 2).toBeLessThanOrEqual(2400);
    expect(cacheRegion(view, view, huge, 5, 4096)).toBeNull();
  });
});
