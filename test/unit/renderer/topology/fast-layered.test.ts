import { describe, expect, it } from 'vitest';
import { fastLayered } from '../../../../renderer/views/topology/fast-layered.js';
import type { LayoutRequest } from '../../../../renderer/views/topology/layout-protocol.js';

/** The benchmark's shape: exchanges each bound to a few queues, some exchange-to-exchange bindings and a cycle. */
function synthetic(exchanges: number, queues: number): Pick<LayoutRequest, 'nodes' | 'edges'> {
  const nodes = [
    ...Array.from({ length: exchanges }, (_, i) => ({ id: `e${i}`, width: 224, height: 58 })),
    ...Array.from({ length: queues }, (_, i) => ({ id: `q${i}`, width: 224, height: 78 })),
  ];
  const edges: LayoutRequest['edges'] = [];
  for (let i = 0; i < queues; i++) edges.push({ id: `a${i}`, source: `e${i % exchanges}`, target: `q${i}` });
  for (let i = 0; i < queues; i += 2) edges.push({ id: `b${i}`, source: `e${(i * 7 + 3) % exchanges}`, target: `q${i}` });
  for (let j = 0; j < exchanges / 5; j++) edges.push({ id: `x${j}`, source: `e${j}`, target: `e${(j + 1) % exchanges}` });
  return { nodes, edges };
}

describe('fastLayered', () => {
  it('places every node, sources left of their targets, with no overlap in a column', () => {
    const graph = synthetic(20, 60);
    const at = fastLayered(graph);
    expect(Object.keys(at)).toHaveLength(80);
    for (let i = 0; i < 60; i++) expect(at[`q${i}`]!.x).toBeGreaterThan(at[`e${i % 20}`]!.x);
    const byColumn = new Map<number, { y: number; h: number }[]>();
    for (const n of graph.nodes) {
      const p = at[n.id]!;
      (byColumn.get(p.x) ?? byColumn.set(p.x, []).get(p.x)!).push({ y: p.y, h: n.height });
    }
    for (const column of byColumn.values()) {
      column.sort((a, b) => a.y - b.y);
      for (let i = 1; i < column.length; i++) expect(column[i]!.y).toBeGreaterThanOrEqual(column[i - 1]!.y + column[i - 1]!.h);
    }
  });

  it('lays out 1,000 exchanges and 3,000 queues in well under the 2 s budget', () => {
    const started = performance.now();
    const at = fastLayered(synthetic(1000, 3000));
    expect(Object.keys(at)).toHaveLength(4000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
