import { describe, expect, it } from 'vitest';
import type { TopologyGraph } from '../../../../shared/topology/graph-model.js';
import { exchangeNodeId, fanoutGroupNodeId, queueNodeId } from '../../../../shared/topology/ids.js';
import { exportSvg, type ExportPalette } from '../../../../renderer/views/topology/export-svg.js';
import { isGrowing } from '../../../../renderer/views/topology/growth.js';
import { loadPins, pinsKey, savePins } from '../../../../renderer/views/topology/pins.js';
import { freeSpot, placeNodes } from '../../../../renderer/views/topology/placement.js';
import { cycle, searchGraph } from '../../../../renderer/views/topology/search.js';

const graph: TopologyGraph = {
  nodes: [
    { id: exchangeNodeId('orders v2/ü'), kind: 'exchange', name: 'orders v2/ü', type: 'topic', durable: true, autoDelete: false, internal: false, policy: null, missing: false },
    { id: queueNodeId('orders'), kind: 'queue', name: 'orders', queueType: 'classic', durable: true, autoDelete: false, exclusive: false, policy: null },
    { id: fanoutGroupNodeId('wide'), kind: 'group', exchange: 'wide', members: [queueNodeId('orders.audit'), queueNodeId('x')], memberNames: ['orders.audit', 'x'] },
  ],
  edges: [{ id: 'b1', kind: 'binding', source: exchangeNodeId('orders v2/ü'), target: queueNodeId('orders'), label: 'a<b & "c"' }],
};

describe('search', () => {
  it('finds names case-insensitively, exact match first, including queues folded in a group', () => {
    const hits = searchGraph(graph, 'ORDERS');
    expect(hits.map((h) => h.name)).toEqual(['orders', 'orders v2/ü', 'orders.audit']);
    expect(hits[2]).toMatchObject({ nodeId: queueNodeId('orders.audit'), inGroupOf: 'wide' });
    expect(searchGraph(graph, '  ')).toEqual([]);
  });

  it('cycles forwards and backwards with Enter and Shift+Enter', () => {
    expect(cycle(-1, 3, false)).toBe(0);
    expect(cycle(2, 3, false)).toBe(0);
    expect(cycle(-1, 3, true)).toBe(2);
    expect(cycle(0, 3, true)).toBe(2);
    expect(cycle(-1, 0, false)).toBe(-1);
  });
});

describe('pins', () => {
  it('keep one entry per profile and vhost, "/" and unicode names included', () => {
    const root = pinsKey('p1', '/');
    const other = pinsKey('p1', 'shop ü/eu');
    expect(root).not.toBe(other);
    savePins(root, new Map([[queueNodeId('a b'), { x: 10, y: 20 }]]));
    expect(loadPins(root).get(queueNodeId('a b'))).toEqual({ x: 10, y: 20 });
    expect(loadPins(other).size).toBe(0);
    savePins(root, new Map());
    expect(localStorage.getItem(root)).toBeNull();
  });

  it('ignore a damaged entry', () => {
    localStorage.setItem(pinsKey('p2', '/'), '{not json');
    expect(loadPins(pinsKey('p2', '/')).size).toBe(0);
  });
});

describe('placement', () => {
  const edges = [{ source: 'a', target: 'b' }, { source: 'a', target: 'c' }];
  const laidOut = { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 300, y: 100 } };

  it('keeps pinned nodes where the user put them', () => {
    const placed = placeNodes({ ids: ['a', 'b', 'c'], edges, laidOut, pinned: new Map([['b', { x: 5, y: 5 }]]), previous: new Map(), incremental: false, sizeOf: () => ({ width: 100, height: 50 }) });
    expect(placed.get('b')).toEqual({ x: 5, y: 5 });
    expect(placed.get('a')).toEqual({ x: 0, y: 0 });
  });

  it('on an incremental layout keeps placed nodes still and puts a new one beside its neighbour', () => {
    const previous = new Map([['a', { x: 1000, y: 1000 }], ['b', { x: 1300, y: 1000 }]]);
    const placed = placeNodes({ ids: ['a', 'b', 'c'], edges, laidOut, pinned: new Map(), previous, incremental: true, sizeOf: () => ({ width: 100, height: 50 }) });
    expect(placed.get('a')).toEqual({ x: 1000, y: 1000 });
    expect(placed.get('b')).toEqual({ x: 1300, y: 1000 });
    expect(placed.get('c')).toEqual({ x: 1300, y: 1100 });
  });

  it('puts a new node where it overlaps none: beside its neighbour, or near the middle of the view', () => {
    const size = () => ({ width: 200, height: 60 });
    // The layout's offset would put c on top of b, which stays where the user saw it.
    const previous = new Map([['a', { x: 0, y: 0 }], ['b', { x: 300, y: 0 }]]);
    const beside = placeNodes({ ids: ['a', 'b', 'c'], edges: [{ source: 'a', target: 'b' }, { source: 'a', target: 'c' }], laidOut: { a: { x: 0, y: 0 }, b: { x: 300, y: 100 }, c: { x: 300, y: 0 } }, pinned: new Map(), previous, incremental: true, sizeOf: size });
    const c = beside.get('c')!;
    expect(c).not.toEqual({ x: 300, y: 0 });
    expect(Math.abs(c.x - 300) <= 310 && Math.abs(c.y) <= 84).toBe(true);
    const clear = (p: { x: number; y: number }, q: { x: number; y: number }) => p.x + 200 + 24 <= q.x || q.x + 200 + 24 <= p.x || p.y + 60 + 24 <= q.y || q.y + 60 + 24 <= p.y;
    expect(clear(c, previous.get('a')!) && clear(c, previous.get('b')!)).toBe(true);
    // Two new nodes with no neighbour: near the view's middle, not on each other nor on what is there.
    const crowded = new Map([['a', { x: 400, y: 270 }]]);
    const alone = placeNodes({ ids: ['a', 'x', 'y'], edges: [], laidOut: { a: { x: 0, y: 0 }, x: { x: 0, y: 500 }, y: { x: 0, y: 600 } }, pinned: new Map(), previous: crowded, incremental: true, sizeOf: size, centre: { x: 500, y: 300 } });
    const [x, y] = [alone.get('x')!, alone.get('y')!];
    expect(clear(x, crowded.get('a')!) && clear(y, crowded.get('a')!) && clear(x, y)).toBe(true);
    expect(Math.hypot(x.x - 400, x.y - 270)).toBeLessThan(300);
    expect(Math.hypot(y.x - 400, y.y - 270)).toBeLessThan(300);
    // Between spots as near, a queue goes right of what is in the way (its bindings come from the left), an exchange left.
    const column = [-84, 0, 84].map((y) => ({ x: 0, y, width: 200, height: 60 }));
    expect(freeSpot({ x: 0, y: 0 }, { width: 200, height: 60 }, column, 'right')).toEqual({ x: 310, y: 0 });
    expect(freeSpot({ x: 0, y: 0 }, { width: 200, height: 60 }, column, 'left')).toEqual({ x: -310, y: 0 });
  });
});

describe('growth cue', () => {
  it('needs two rises in a row', () => {
    expect(isGrowing([1, 2])).toBe(false);
    expect(isGrowing([1, 2, 3])).toBe(true);
    expect(isGrowing([1, 2, 2])).toBe(false);
    expect(isGrowing([5, 1, 2, 3])).toBe(true);
  });
});

describe('SVG export', () => {
  const palette: ExportPalette = { background: '#fff', surface: '#fff', border: '#ddd', text: '#111', muted: '#666', accent: '#45f', edge: '#999', deadLetter: '#d33', alternate: '#b70', queue: '#2a5' };

  it('is a standalone document with escaped names and labels', () => {
    const nodes = graph.nodes.slice(0, 2).map((node, i) => ({ node, position: { x: i * 300, y: 0 }, ...(node.kind === 'queue' ? { detail: 'ready 5' } : {}) }));
    const svg = exportSvg(nodes, graph.edges, palette, 'Embedded · vhost /');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('orders v2/ü');
    expect(svg).toContain('a&lt;b &amp; &quot;c&quot;');
    expect(svg).toContain('ready 5');
    expect(svg).toContain('marker-end="url(#arrow-binding)"');
    expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
  });
});
