import { describe, expect, it } from 'vitest';
import { buildRoutingTable } from '../../../shared/routing/table.js';
import type { FieldTable } from '../../../shared/routing/model.js';
import { type RouteTopology, routeModelOf } from '../../../shared/topology/route-model.js';
import { predictRoute } from '../../../shared/topology/route-prediction.js';
import type { TopologyPolicy } from '../../../shared/model/topology.js';
import { snapshotFromDefinitions } from './definitions-snapshot.js';

const shop = snapshotFromDefinitions('shop');
const root = snapshotFromDefinitions('/');

function predict(topology: RouteTopology, exchange: string, routingKey: string, headers?: FieldTable) {
  const route = routeModelOf(topology);
  const prediction = predictRoute(route, { exchange, routingKey, ...(headers === undefined ? {} : { headers }) });
  // The explainer and the broker's routing table must agree on every vector the broker routes at all.
  const table = buildRoutingTable(route.model);
  if (prediction.explanation.invalidMessage === undefined) expect([...prediction.explanation.queues].sort()).toEqual(table.route(exchange, prediction.explanation.routingKeys, headers).sort());
  return prediction;
}

const visit = (p: ReturnType<typeof predict>, exchange: string) => p.explanation.visits.find((v) => v.exchange === exchange);

describe('route vectors over the RabbitMQ 3.10 fixture', () => {
  it('topic: # matches several words, * exactly one, and an e2e hop reaches an internal exchange', () => {
    const p = predict(shop, 'orders', 'order.paid.eu');
    expect(p.outcome).toBe('routed');
    expect(p.explanation.queues).toEqual(['orders.paid', 'orders.audit']);
    expect(visit(p, 'events.topic')?.reachedVia).toMatchObject({ kind: 'binding', from: 'orders' });
    expect(visit(p, 'orders.internal')).toMatchObject({ internal: true, reachedVia: { kind: 'binding', from: 'events.topic' } });
    expect(visit(p, 'orders')?.alternate).toEqual({ exchange: 'orders.unrouted', outcome: 'not-needed' });
  });

  it('topic: # matches zero words where * needs one', () => {
    const p = predict(shop, 'orders', 'order.paid');
    expect(p.explanation.queues).toEqual(['orders.paid']);
    const skipped = visit(p, 'events.topic')?.bindings.find((b) => b.binding.routingKey === 'order.paid.*');
    expect(skipped).toMatchObject({ matched: false, reason: "routing key 'order.paid' does not match the pattern 'order.paid.*'" });
  });

  it('topic: * in the middle, and two bindings to different queues', () => {
    expect(predict(shop, 'orders', 'order.created.vip').explanation.queues).toEqual(['orders.priority', 'orders.created']);
  });

  it('a matching binding to another exchange counts, so the AE is not used even if that exchange reaches nothing', () => {
    const p = predict(shop, 'orders', 'order.shipped');
    expect(p.outcome).toBe('returned');
    expect(visit(p, 'orders')?.alternate?.outcome).toBe('not-needed');
    expect(visit(p, 'events.topic')?.bindings.every((b) => !b.matched)).toBe(true);
  });

  it('the alternate exchange (from the argument) takes what nothing else matched', () => {
    const p = predict(shop, 'orders', 'invoice.sent');
    expect(p.outcome).toBe('routed');
    expect(p.explanation.queues).toEqual(['orders.unrouted']);
    expect(visit(p, 'orders')?.alternate).toEqual({ exchange: 'orders.unrouted', outcome: 'used' });
    expect(visit(p, 'orders.unrouted')?.reachedVia).toEqual({ kind: 'alternate', from: 'orders' });
    expect(routeModelOf(shop).alternateSources.get('orders')).toEqual({ from: 'argument' });
  });

  it('topic: #.log.# matches the bare word; log.* needs a second word', () => {
    expect(predict(root, 'topic_logs', 'log').explanation.queues).toEqual(['task_queue']);
    expect(predict(root, 'topic_logs', 'log.x').explanation.queues.slice().sort()).toEqual(['hello', 'task_queue']);
    expect(predict(root, 'topic_logs', 'app.log.error').explanation.queues).toEqual(['task_queue']);
  });

  it('direct: equal keys only', () => {
    expect(predict(root, 'direct_logs', 'error').explanation.queues).toEqual(['task_queue']);
    const p = predict(root, 'direct_logs', 'info');
    expect(p.outcome).toBe('returned');
    expect(p.explanation.visits[0]?.bindings[0]?.reason).toBe("routing key 'info' is not the binding key 'error'");
  });

  it('fanout: every binding whatever the key; a fanout with no bindings returns', () => {
    expect(predict(shop, 'orders.unrouted', 'anything').explanation.queues).toEqual(['orders.unrouted']);
    expect(predict(root, 'logs', 'x').outcome).toBe('returned');
  });

  it('headers x-match all: every header must be equal', () => {
    expect(predict(shop, 'reports', '', { format: 'pdf', type: 'report' }).explanation.queues).toEqual(['reports.pdf']);
    const p = predict(shop, 'reports', '', { format: 'pdf' });
    expect(p.outcome).toBe('returned');
    expect(p.explanation.visits[0]?.bindings[0]?.reason).toBe("x-match all: 'type' missing");
    expect(predict(shop, 'reports', '', { format: 'csv', type: 'report' }).explanation.visits[0]?.bindings[0]?.reason).toBe("x-match all: 'format' different");
  });

  it('headers x-match any, any-with-x and all-with-x', () => {
    const topology: RouteTopology = {
      ...shop,
      bindings: [
        ...shop.bindings,
        { source: 'reports', destination: 'orders.lazy', destinationType: 'queue', routingKey: '', arguments: { 'x-match': 'any', format: 'csv', 'x-tenant': 'a' } },
        { source: 'reports', destination: 'orders.dead', destinationType: 'queue', routingKey: '', arguments: { 'x-match': 'any-with-x', 'x-tenant': 'a' } },
        { source: 'reports', destination: 'orders.priority', destinationType: 'queue', routingKey: '', arguments: { 'x-match': 'all-with-x', 'x-tenant': 'a', format: 'pdf' } },
      ],
    };
    expect(predict(topology, 'reports', '', { format: 'csv' }).explanation.queues).toEqual(['orders.lazy']);
    // x- headers take part only in the -with-x modes.
    expect(predict(topology, 'reports', '', { 'x-tenant': 'a' }).explanation.queues).toEqual(['orders.dead']);
    expect(predict(topology, 'reports', '', { 'x-tenant': 'a', format: 'pdf', type: 'report' }).explanation.queues.slice().sort()).toEqual([
      'orders.dead',
      'orders.priority',
      'reports.pdf',
    ]);
  });

  it('CC keys are routed with the routing key, so the AE is not used when one of them matches', () => {
    const p = predict(shop, 'orders', 'invoice', { CC: ['order.paid.x'] });
    expect(p.explanation.routingKeys).toEqual(['invoice', 'order.paid.x']);
    expect(p.explanation.queues).toEqual(['orders.paid', 'orders.audit']);
    expect(visit(p, 'orders')?.alternate?.outcome).toBe('not-needed');
  });

  it('the default exchange reaches the queue named by the key, and only an existing one', () => {
    const p = predict(root, '', 'hello');
    expect(p.outcome).toBe('routed');
    expect(p.explanation.defaultQueue).toEqual({ queue: 'hello', exists: true });
    expect(predict(root, '', 'nope').outcome).toBe('returned');
  });

  it('a missing exchange and an internal one are refused before routing', () => {
    expect(predict(shop, 'nope', 'x')).toMatchObject({ outcome: 'refused', refusal: { code: 404 } });
    expect(predict(shop, 'orders.internal', '')).toMatchObject({ outcome: 'refused', refusal: { code: 403 }, queues: [] });
  });

  it('a CC header that is not an array is refused as RabbitMQ does', () => {
    expect(predict(shop, 'orders', 'x', { CC: 'order.paid.x' })).toMatchObject({ outcome: 'refused', refusal: { code: 406 } });
  });

  it('the default exchange and its implicit bindings are not part of the model', () => {
    const withDefault: RouteTopology = {
      ...root,
      exchanges: [...root.exchanges, { name: '', type: 'direct', internal: false, arguments: {} }],
      bindings: [...root.bindings, { source: '', destination: 'hello', destinationType: 'queue', routingKey: 'hello', arguments: {} }],
    };
    const { model } = routeModelOf(withDefault);
    expect(model.exchanges.map((x) => x.name)).not.toContain('');
    expect(model.bindings.some((b) => b.source === '')).toBe(false);
  });
});

describe('alternate exchanges from policies', () => {
  const policy = (name: string, pattern: string, ae: string, priority = 0, applyTo: TopologyPolicy['applyTo'] = 'exchanges'): TopologyPolicy => ({
    name,
    pattern,
    applyTo,
    priority,
    definition: { 'alternate-exchange': ae },
  });

  it('a policy gives an exchange without the argument its AE', () => {
    const topology = { ...shop, policies: [...shop.policies, policy('reports-ae', '^reports$', 'orders.unrouted')] };
    const p = predict(topology, 'reports', '', {});
    expect(p.explanation.queues).toEqual(['orders.unrouted']);
    expect(routeModelOf(topology).alternateSources.get('reports')).toEqual({ from: 'policy', policy: 'reports-ae' });
  });

  it('the highest priority wins; ties go to the name that sorts last, as the embedded broker does', () => {
    const topology = {
      ...shop,
      policies: [policy('a', '^rep', 'orders.dlx', 5), policy('b', 'orts$', 'orders.unrouted', 1), policy('c', 'report', 'events.topic', 5)],
    };
    expect(routeModelOf(topology).model.exchanges.find((x) => x.name === 'reports')?.alternateExchange).toBe('events.topic');
  });

  it('the argument wins over a policy, and policies for queues do not apply to exchanges', () => {
    const topology = { ...shop, policies: [policy('high', '^orders$', 'orders.dlx', 99), policy('q', '^reports$', 'orders.dlx', 99, 'queues')] };
    const { model } = routeModelOf(topology);
    expect(model.exchanges.find((x) => x.name === 'orders')?.alternateExchange).toBe('orders.unrouted');
    expect(model.exchanges.find((x) => x.name === 'reports')?.alternateExchange).toBeUndefined();
  });

  it('apply-to all covers exchanges', () => {
    const topology = { ...shop, policies: [policy('all', '^reports$', 'orders.unrouted', 0, 'all')] };
    expect(predict(topology, 'reports', '', {}).explanation.queues).toEqual(['orders.unrouted']);
  });
});

describe('exchange types Warren cannot route', () => {
  const delayed: RouteTopology = {
    ...shop,
    exchanges: [...shop.exchanges, { name: 'later', type: 'x-delayed-message', internal: false, arguments: { 'x-delayed-type': 'direct' } }],
    bindings: [...shop.bindings, { source: 'orders', destination: 'later', destinationType: 'exchange', routingKey: 'delay.#', arguments: {} }],
  };

  it('make no claim when the message would go through them', () => {
    const p = predict(delayed, 'orders', 'delay.1');
    expect(p.outcome).toBe('unknown');
    expect(p.unpredictable).toEqual([{ exchange: 'later', type: 'x-delayed-message' }]);
    expect(predict(delayed, 'later', 'x').outcome).toBe('unknown');
  });

  it('still predict a route that does not touch them', () => {
    expect(predict(delayed, 'orders', 'order.paid.eu')).toMatchObject({ outcome: 'routed', unpredictable: [] });
  });
});

describe('the policy the broker names', () => {
  it('is taken over the one worked out from patterns (RabbitMQ breaks priority ties its own way)', () => {
    const policies: TopologyPolicy[] = [
      { name: 'a', pattern: '^reports$', applyTo: 'exchanges', priority: 0, definition: { 'alternate-exchange': 'orders.unrouted' } },
      { name: 'b', pattern: '^reports$', applyTo: 'exchanges', priority: 0, definition: { 'alternate-exchange': 'orders.dlx' } },
    ];
    const exchanges = shop.exchanges.map((x) => (x.name === 'reports' ? { ...x, policy: 'a' } : x));
    const { model, alternateSources } = routeModelOf({ ...shop, exchanges, policies });
    expect(model.exchanges.find((x) => x.name === 'reports')?.alternateExchange).toBe('orders.unrouted');
    expect(alternateSources.get('reports')).toEqual({ from: 'policy', policy: 'a' });
  });
});
