import { describe, expect, it } from 'vitest';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import { returnReason, routePreview } from '../../../../renderer/workbench/publish-route-reason.js';

const exchange = (name: string, type: string, args: Record<string, unknown> = {}) => ({ name, type, durable: true, autoDelete: false, internal: false, arguments: args, policy: null });
const queue = (name: string) => ({ name, type: 'classic', durable: true, autoDelete: false, exclusive: false, arguments: {}, policy: null });
const binding = (source: string, destination: string, routingKey: string, args: Record<string, unknown> = {}) => ({
  source,
  destination,
  destinationType: 'queue' as const,
  routingKey,
  arguments: args,
  propertiesKey: routingKey,
});

const snapshot: TopologySnapshot = {
  vhost: 'shop',
  exchanges: [
    exchange('', 'direct'),
    exchange('orders', 'topic', { 'alternate-exchange': 'unrouted' }),
    exchange('unrouted', 'direct'),
    exchange('lonely', 'fanout'),
    exchange('by-tenant', 'headers'),
    exchange('lost-ae', 'direct', { 'alternate-exchange': 'missing' }),
  ],
  queues: [queue('orders.eu'), queue('tenant-a')],
  bindings: [binding('orders', 'orders.eu', 'order.eu.*'), binding('unrouted', 'orders.eu', 'keep'), binding('by-tenant', 'tenant-a', '', { 'x-match': 'all', tenant: 'a' })],
  policies: [],
  operatorPolicies: [],
  fetchedAt: 1,
};

describe('why a publish came back unroutable', () => {
  it('names the exchange and the key no binding matches', () => {
    expect(returnReason(snapshot, { exchange: 'lost-ae', routingKey: 'x', headers: {} })).toBe("exchange 'lost-ae' has no bindings, and its alternate exchange 'missing' does not exist");
    expect(returnReason(snapshot, { exchange: 'lonely', routingKey: 'x', headers: {} })).toBe("exchange 'lonely' has no bindings");
    expect(returnReason(snapshot, { exchange: 'orders', routingKey: 'invoice.sent', headers: {} })).toBe(
      "no binding of exchange 'orders' matches key 'invoice.sent', nor does its alternate exchange's: no binding of exchange 'unrouted' matches key 'invoice.sent'",
    );
  });

  it('for the default exchange, says the queue does not exist; for headers exchanges, talks about headers', () => {
    expect(returnReason(snapshot, { exchange: '', routingKey: 'orders.us', headers: {} })).toBe(
      "the default exchange delivers to the queue named by the key, and there is no queue 'orders.us' in vhost 'shop'",
    );
    expect(returnReason(snapshot, { exchange: 'by-tenant', routingKey: '', headers: { tenant: { type: 'string', value: 'b' } } })).toBe(
      "no binding of exchange 'by-tenant' matches the message's headers",
    );
  });

  it('previews where the form’s message goes before it is published', () => {
    expect(routePreview(snapshot, { exchange: 'by-tenant', routingKey: '', headers: { tenant: { type: 'string', value: 'a' } } })).toEqual({ outcome: 'routed', text: "Routes to 'tenant-a'" });
    expect(routePreview(snapshot, { exchange: 'orders', routingKey: 'invoice.sent', headers: {} }).outcome).toBe('returned');
    expect(routePreview(snapshot, { exchange: 'nope', routingKey: 'k', headers: {} })).toEqual({ outcome: 'refused', text: "Refused: 404 NOT_FOUND - no exchange 'nope'" });
  });

  it('says so when the snapshot predicts a route the broker did not take', () => {
    expect(returnReason(snapshot, { exchange: 'orders', routingKey: 'order.eu.paid', headers: {} })).toBe(
      "the topology Warren last read routes it to 'orders.eu': it changed since, or a queue refused the message",
    );
  });
});
