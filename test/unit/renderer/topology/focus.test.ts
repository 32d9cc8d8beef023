import { describe, expect, it } from 'vitest';
import { collapseFanouts } from '../../../../shared/topology/collapse.js';
import { buildGraph } from '../../../../shared/topology/graph.js';
import { exchangeNodeId, queueNodeId } from '../../../../shared/topology/ids.js';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import { focusedNeighbourhood, focusNodeIds, foldingExchanges } from '../../../../renderer/views/topology/focus.js';

const exchange = (name: string, type: string) => ({ name, vhost: '/', type, durable: true, autoDelete: false, internal: false, arguments: {} });
const queue = (name: string) => ({ name, vhost: '/', durable: true, autoDelete: false, exclusive: false, arguments: {} });
const binding = (source: string, destination: string) => ({ source, vhost: '/', destination, destinationType: 'queue' as const, routingKey: '', arguments: {}, propertiesKey: '~' });

const fans = Array.from({ length: 12 }, (_, i) => `fan ${i}`);
const snapshot = {
  exchanges: [exchange('orders/v2', 'topic'), exchange('broadcast', 'fanout'), exchange('lonely', 'direct')],
  queues: [queue('paid ü'), queue('shipped'), ...fans.map(queue)],
  bindings: [binding('orders/v2', 'paid ü'), binding('orders/v2', 'shipped'), ...fans.map((f) => binding('broadcast', f))],
  policies: [],
} as unknown as TopologySnapshot;

describe('an address focus in the graph', () => {
  const graph = buildGraph(snapshot, { showDefaultExchange: false });

  it('names the nodes of the entities', () => {
    expect(focusNodeIds([{ kind: 'exchange', name: 'orders/v2' }, { kind: 'queue', name: 'paid ü' }])).toEqual([exchangeNodeId('orders/v2'), queueNodeId('paid ü')]);
  });

  it('lights every focused node with its neighbours and the edges between', () => {
    const lit = focusedNeighbourhood(graph, [queueNodeId('paid ü'), exchangeNodeId('lonely')]);
    expect([...(lit?.nodes ?? [])].sort()).toEqual([exchangeNodeId('lonely'), exchangeNodeId('orders/v2'), queueNodeId('paid ü')].sort());
    expect(lit?.edges.size).toBe(1);
    expect(focusedNeighbourhood(graph, [exchangeNodeId('orders/v2')])?.nodes.size).toBe(3);
  });

  it('ignores nodes not in the graph, and lights nothing when none is', () => {
    expect(focusedNeighbourhood(graph, [queueNodeId('gone'), exchangeNodeId('lonely')])?.nodes).toEqual(new Set([exchangeNodeId('lonely')]));
    expect(focusedNeighbourhood(graph, [queueNodeId('gone')])).toBeNull();
    expect(focusedNeighbourhood(graph, [])).toBeNull();
  });

  it('names the fan-outs that fold a focused queue away', () => {
    const collapsed = collapseFanouts(graph, 8, new Set());
    expect(foldingExchanges(collapsed, [queueNodeId('fan 3'), queueNodeId('paid ü')])).toEqual(['broadcast']);
    expect(foldingExchanges(collapsed, [queueNodeId('paid ü')])).toEqual([]);
    expect(foldingExchanges(collapseFanouts(graph, 8, new Set(['broadcast'])), [queueNodeId('fan 3')])).toEqual([]);
  });
});
