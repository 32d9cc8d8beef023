import { describe, expect, it } from 'vitest';
import type { TopologySnapshot } from '../../../shared/model/topology.js';
import { buildGraph } from '../../../shared/topology/graph.js';
import { alternateEdgeId, bindingEdgeId, deadLetterEdgeId, exchangeNodeId, parseNodeId, queueNodeId } from '../../../shared/topology/ids.js';
import { snapshotFromDefinitions } from './definitions-snapshot.js';

const shown = { showDefaultExchange: false };

describe('buildGraph from the RabbitMQ 3.10 fixture', () => {
  const shop = buildGraph(snapshotFromDefinitions('shop'), shown);
  const edge = (id: string) => shop.edges.find((e) => e.id === id);

  it('draws every exchange and queue, and an edge per binding labelled with its key', () => {
    expect(shop.nodes.filter((n) => n.kind === 'exchange')).toHaveLength(6);
    expect(shop.nodes.filter((n) => n.kind === 'queue')).toHaveLength(8);
    const created = bindingEdgeId({ source: 'orders', destination: 'orders.created', destinationType: 'queue', routingKey: 'order.created.*', arguments: {} });
    expect(edge(created)).toMatchObject({ kind: 'binding', source: exchangeNodeId('orders'), target: queueNodeId('orders.created'), label: 'order.created.*' });
  });

  it('draws exchange-to-exchange bindings', () => {
    const e2e = bindingEdgeId({ source: 'orders', destination: 'events.topic', destinationType: 'exchange', routingKey: 'order.#', arguments: {} });
    expect(edge(e2e)).toMatchObject({ source: exchangeNodeId('orders'), target: exchangeNodeId('events.topic'), label: 'order.#' });
  });

  it('labels headers bindings with the match mode and header values, and fanout ones with nothing', () => {
    expect(shop.edges.find((e) => e.source === exchangeNodeId('reports'))?.label).toBe('all: format=pdf, type=report');
    expect(shop.edges.find((e) => e.source === exchangeNodeId('orders.internal'))?.label).toBe('');
  });

  it('draws the dead-letter exchange from x-dead-letter-exchange, with its routing key', () => {
    expect(edge(deadLetterEdgeId(queueNodeId('orders.created'), 'orders.dlx'))).toMatchObject({ kind: 'dead-letter', target: exchangeNodeId('orders.dlx'), label: 'DLX created' });
  });

  it('draws the alternate exchange from the alternate-exchange argument', () => {
    expect(edge(alternateEdgeId('orders', 'orders.unrouted'))).toMatchObject({ kind: 'alternate', source: exchangeNodeId('orders'), target: exchangeNodeId('orders.unrouted') });
  });

  it('hides the default exchange and its implicit bindings unless asked', () => {
    const root = snapshotFromDefinitions('/');
    root.bindings.push({ source: '', destination: 'hello', destinationType: 'queue', routingKey: 'hello', arguments: {}, propertiesKey: 'hello' });
    const hidden = buildGraph(root, shown);
    expect(hidden.nodes.some((n) => n.id === exchangeNodeId(''))).toBe(false);
    expect(hidden.edges.some((e) => e.source === exchangeNodeId(''))).toBe(false);
    const visible = buildGraph(root, { showDefaultExchange: true });
    expect(visible.nodes.some((n) => n.id === exchangeNodeId(''))).toBe(true);
    expect(visible.edges.filter((e) => e.source === exchangeNodeId(''))).toHaveLength(1);
  });
});

describe('buildGraph with policies', () => {
  const base = (): TopologySnapshot => ({
    vhost: 'v',
    exchanges: [
      { name: 'in', type: 'topic', durable: true, autoDelete: false, internal: false, arguments: {}, policy: null },
      { name: 'dead', type: 'fanout', durable: true, autoDelete: false, internal: false, arguments: {}, policy: null },
      { name: 'dead.low', type: 'fanout', durable: true, autoDelete: false, internal: false, arguments: {}, policy: null },
      { name: 'lost', type: 'fanout', durable: true, autoDelete: false, internal: false, arguments: {}, policy: null },
    ],
    queues: [
      { name: 'jobs.a', type: 'classic', durable: true, autoDelete: false, exclusive: false, arguments: {}, policy: null },
      { name: 'jobs.q', type: 'quorum', durable: true, autoDelete: false, exclusive: false, arguments: {}, policy: null },
      { name: 'own', type: 'classic', durable: true, autoDelete: false, exclusive: false, arguments: { 'x-dead-letter-exchange': 'dead.low' }, policy: null },
    ],
    bindings: [],
    policies: [
      { name: 'dlx-high', pattern: '^jobs\\.', applyTo: 'queues', priority: 5, definition: { 'dead-letter-exchange': 'dead' } },
      { name: 'dlx-low', pattern: '.*', applyTo: 'all', priority: 1, definition: { 'dead-letter-exchange': 'dead.low', 'alternate-exchange': 'lost' } },
      { name: 'classic-only', pattern: '^jobs\\.', applyTo: 'classic_queues', priority: 9, definition: { 'max-length': 5 } },
    ],
    operatorPolicies: [],
    fetchedAt: 0,
  });

  it('takes the highest-priority matching policy, as RabbitMQ does', () => {
    const graph = buildGraph(base(), shown);
    // jobs.q: classic-only does not apply to quorum queues, so dlx-high wins.
    expect(graph.edges.find((e) => e.source === queueNodeId('jobs.q'))?.target).toBe(exchangeNodeId('dead'));
    // jobs.a: classic-only (priority 9) wins and has no dead-letter exchange.
    expect(graph.edges.some((e) => e.source === queueNodeId('jobs.a'))).toBe(false);
    expect(graph.nodes.find((n) => n.id === queueNodeId('jobs.a'))).toMatchObject({ policy: 'classic-only' });
  });

  it('lets a queue argument win over the policy', () => {
    const graph = buildGraph(base(), shown);
    expect(graph.edges.find((e) => e.source === queueNodeId('own'))?.target).toBe(exchangeNodeId('dead.low'));
  });

  it('draws a policy alternate exchange, and marks one that does not exist', () => {
    const snapshot = base();
    snapshot.policies = [{ name: 'ae', pattern: '^in$', applyTo: 'exchanges', priority: 0, definition: { 'alternate-exchange': 'nowhere' } }];
    const graph = buildGraph(snapshot, shown);
    expect(graph.edges.find((e) => e.id === alternateEdgeId('in', 'nowhere'))).toBeDefined();
    expect(graph.nodes.find((n) => n.id === exchangeNodeId('nowhere'))).toMatchObject({ kind: 'exchange', missing: true });
  });

  it('follows a dead-letter through the hidden default exchange to the queue its key names', () => {
    const snapshot = base();
    snapshot.queues[2]!.arguments = { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'jobs.a' };
    snapshot.exchanges.push({ name: '', type: 'direct', durable: true, autoDelete: false, internal: false, arguments: {}, policy: null });
    const graph = buildGraph(snapshot, shown);
    expect(graph.edges.find((e) => e.source === queueNodeId('own'))?.target).toBe(queueNodeId('jobs.a'));
  });
});

describe('node ids', () => {
  it('survive spaces, dots, slashes, quotes and unicode', () => {
    for (const name of ['a b', 'a.b/c', 'q"uote\'s', 'заказы ✓', '/', '']) {
      const id = queueNodeId(name);
      expect(id).not.toMatch(/[\s"\\/]/);
      expect(parseNodeId(id)).toEqual({ kind: 'queue', name });
    }
    expect(exchangeNodeId('x')).not.toBe(queueNodeId('x'));
  });
});
