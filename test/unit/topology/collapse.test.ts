import { describe, expect, it } from 'vitest';
import { collapseFanouts } from '../../../shared/topology/collapse.js';
import { filterGraph } from '../../../shared/topology/filter.js';
import type { GraphEdge, GraphNode, TopologyGraph } from '../../../shared/topology/graph-model.js';
import { exchangeNodeId, fanoutGroupNodeId, queueNodeId } from '../../../shared/topology/ids.js';
import { neighbourhood } from '../../../shared/topology/neighbourhood.js';

const exchange = (name: string, type = 'fanout'): GraphNode => ({ id: exchangeNodeId(name), kind: 'exchange', name, type, durable: true, autoDelete: false, internal: false, policy: null, missing: false });
const queue = (name: string): GraphNode => ({ id: queueNodeId(name), kind: 'queue', name, queueType: 'classic', durable: true, autoDelete: false, exclusive: false, policy: null });
const bind = (from: string, to: string): GraphEdge => ({ id: `b:${from}>${to}`, kind: 'binding', source: exchangeNodeId(from), target: queueNodeId(to), label: '' });

function fanout(count: number): TopologyGraph {
  const names = Array.from({ length: count }, (_, i) => `q${i}`);
  return {
    nodes: [exchange('wide'), exchange('other', 'direct'), exchange('dead'), ...names.map(queue)],
    edges: [
      ...names.map((n) => bind('wide', n)),
      bind('other', 'q0'),
      { id: 'dlx:q5', kind: 'dead-letter', source: queueNodeId('q5'), target: exchangeNodeId('dead'), label: 'DLX' },
      { id: 'dlx:q6', kind: 'dead-letter', source: queueNodeId('q6'), target: exchangeNodeId('dead'), label: 'DLX' },
    ],
  };
}

describe('collapseFanouts', () => {
  it('folds the queues of a wide fan-out into one group, keeping queues bound from elsewhere', () => {
    const graph = collapseFanouts(fanout(20), 12, new Set());
    const group = graph.nodes.find((n) => n.kind === 'group');
    expect(group).toMatchObject({ id: fanoutGroupNodeId('wide'), exchange: 'wide' });
    expect(group?.kind === 'group' && group.members).toHaveLength(19);
    expect(graph.nodes.some((n) => n.id === queueNodeId('q0'))).toBe(true);
    expect(graph.edges.filter((e) => e.source === exchangeNodeId('wide')).map((e) => e.target).sort()).toEqual([fanoutGroupNodeId('wide'), queueNodeId('q0')].sort());
    // The folded queues' dead-lettering leaves from the group, once.
    expect(graph.edges.filter((e) => e.source === fanoutGroupNodeId('wide') && e.kind === 'dead-letter')).toHaveLength(1);
  });

  it('leaves small and expanded fan-outs alone', () => {
    expect(collapseFanouts(fanout(12), 12, new Set()).nodes.some((n) => n.kind === 'group')).toBe(false);
    expect(collapseFanouts(fanout(20), 12, new Set(['wide'])).nodes.some((n) => n.kind === 'group')).toBe(false);
  });
});

describe('filterGraph and neighbourhood', () => {
  it('filters by name and by kind, dropping edges to hidden nodes', () => {
    const byName = filterGraph(fanout(3), { name: 'Q1', hiddenKinds: new Set() });
    expect(byName.nodes.map((n) => n.id)).toEqual([queueNodeId('q1')]);
    const noFanout = filterGraph(fanout(3), { name: '', hiddenKinds: new Set(['fanout']) });
    expect(noFanout.nodes.some((n) => n.id === exchangeNodeId('wide'))).toBe(false);
    expect(noFanout.edges.map((e) => e.source)).toEqual([exchangeNodeId('other')]);
  });

  it('gives a node with its direct neighbours and their edges', () => {
    const n = neighbourhood(fanout(3), queueNodeId('q0'));
    expect([...n.nodes].sort()).toEqual([exchangeNodeId('other'), exchangeNodeId('wide'), queueNodeId('q0')].sort());
    expect(n.edges.size).toBe(2);
  });
});
