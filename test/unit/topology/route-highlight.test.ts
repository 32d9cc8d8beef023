import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../shared/topology/graph.js';
import { alternateEdgeId, bindingEdgeId, exchangeNodeId, fanoutEdgeId, fanoutGroupNodeId, queueNodeId } from '../../../shared/topology/ids.js';
import { collapseFanouts } from '../../../shared/topology/collapse.js';
import { routeHighlight } from '../../../shared/topology/route-highlight.js';
import { routeModelOf } from '../../../shared/topology/route-model.js';
import { predictRoute } from '../../../shared/topology/route-prediction.js';
import { snapshotFromDefinitions } from './definitions-snapshot.js';

const shop = snapshotFromDefinitions('shop');
const highlight = (exchange: string, routingKey: string) => routeHighlight(predictRoute(routeModelOf(shop), { exchange, routingKey }).explanation);
const binding = (source: string, destination: string, destinationType: 'queue' | 'exchange', routingKey: string) =>
  bindingEdgeId({ source, destination, destinationType, routingKey, arguments: {} });

describe('route highlight ids', () => {
  it('names the exchanges passed, the bindings that matched (e2e hops included) and the queues reached', () => {
    const h = highlight('orders', 'order.paid.eu');
    expect([...h.nodes].filter((id) => !id.startsWith('g:')).sort()).toEqual(
      [exchangeNodeId('orders'), exchangeNodeId('events.topic'), exchangeNodeId('orders.internal'), queueNodeId('orders.paid'), queueNodeId('orders.audit')].sort(),
    );
    expect([...h.edges].filter((id) => !id.startsWith('fan:')).sort()).toEqual(
      [
        binding('orders', 'orders.paid', 'queue', 'order.paid.#'),
        binding('orders', 'events.topic', 'exchange', 'order.#'),
        binding('events.topic', 'orders.internal', 'exchange', 'order.paid.*'),
        binding('orders.internal', 'orders.audit', 'queue', ''),
      ].sort(),
    );
  });

  it('includes the alternate-exchange hop when it is taken, not when it is not needed', () => {
    expect(highlight('orders', 'invoice').edges.has(alternateEdgeId('orders', 'orders.unrouted'))).toBe(true);
    expect(highlight('orders', 'order.paid.eu').edges.has(alternateEdgeId('orders', 'orders.unrouted'))).toBe(false);
  });

  it('uses the ids the graph draws: every highlighted exchange, queue, binding and AE is in the unfolded graph', () => {
    const graph = buildGraph(shop, { showDefaultExchange: true });
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const edgeIds = new Set(graph.edges.map((e) => e.id));
    for (const [x, key] of [['orders', 'order.paid.eu'], ['orders', 'invoice'], ['', 'orders.paid']] as const) {
      const h = highlight(x, key);
      // Group and fan-out ids stand in for folded queues; the folded case has its own test.
      for (const id of h.nodes) if (!id.startsWith('g:')) expect(nodeIds).toContain(id);
      for (const id of h.edges) if (!id.startsWith('fan:')) expect(edgeIds).toContain(id);
    }
  });

  it('lights the group standing for a reached queue when the fan-out is folded', () => {
    const graph = collapseFanouts(buildGraph(shop, { showDefaultExchange: false }), 2, new Set());
    const h = highlight('orders', 'order.created.vip');
    const group = graph.nodes.find((n) => n.kind === 'group');
    expect(group?.id).toBe(fanoutGroupNodeId('orders'));
    expect(h.nodes.has(fanoutGroupNodeId('orders'))).toBe(true);
    expect(h.edges.has(fanoutEdgeId('orders'))).toBe(true);
  });

  it('is empty when nothing is published (a missing exchange)', () => {
    const h = highlight('nope', 'x');
    expect(h.nodes.size + h.edges.size).toBe(0);
  });
});
