import { describe, expect, it } from 'vitest';
import { describeRoute, explainRoute, type RoutingModel } from '../../../shared/routing/index.js';

const model: RoutingModel = {
  exchanges: [
    { name: 'orders', type: 'topic', alternateExchange: 'unrouted' },
    { name: 'audit', type: 'fanout', internal: true },
    { name: 'unrouted', type: 'fanout' },
  ],
  bindings: [
    { source: 'orders', destination: 'paid', destinationType: 'queue', routingKey: 'order.paid' },
    { source: 'orders', destination: 'audit', destinationType: 'exchange', routingKey: 'order.#' },
    { source: 'audit', destination: 'audit-log', destinationType: 'queue', routingKey: '' },
    { source: 'audit', destination: 'orders', destinationType: 'exchange', routingKey: '' },
    { source: 'unrouted', destination: 'dead', destinationType: 'queue', routingKey: '' },
  ],
  queues: ['paid', 'audit-log', 'dead'],
};

describe('explainRoute', () => {
  it('records each exchange visit, each binding verdict and what became of the destination', () => {
    const e = explainRoute(model, { exchange: 'orders', routingKey: 'order.shipped' });
    expect(e.queues).toEqual(['audit-log']);
    expect(e.routed).toBe(true);
    expect(e.visits.map((v) => [v.exchange, v.reachedVia.kind])).toEqual([
      ['orders', 'publish'],
      ['audit', 'binding'],
    ]);
    const [orders, audit] = e.visits;
    expect(orders?.bindings.map((b) => [b.binding.destination, b.matched, b.outcome])).toEqual([
      ['paid', false, undefined],
      ['audit', true, 'exchange'],
    ]);
    expect(orders?.bindings[0]?.reason).toBe("routing key 'order.shipped' does not match the pattern 'order.paid'");
    expect(orders?.alternate).toEqual({ exchange: 'unrouted', outcome: 'not-needed' });
    expect(audit?.internal).toBe(true);
    expect(audit?.bindings.map((b) => b.outcome)).toEqual(['queue', 'exchange-already-visited']);
  });

  it('shows the alternate exchange taking a message no binding wanted', () => {
    const e = explainRoute(model, { exchange: 'orders', routingKey: 'invoice.sent' });
    expect(e.queues).toEqual(['dead']);
    expect(e.visits[0]?.alternate).toEqual({ exchange: 'unrouted', outcome: 'used' });
    expect(e.visits[1]?.reachedVia).toEqual({ kind: 'alternate', from: 'orders' });
  });

  it('explains the default exchange and a missing exchange', () => {
    expect(explainRoute(model, { exchange: '', routingKey: 'paid' }).defaultQueue).toEqual({ queue: 'paid', exists: true });
    const none = explainRoute(model, { exchange: '', routingKey: 'nope' });
    expect([none.routed, none.defaultQueue?.exists]).toEqual([false, false]);
    expect(explainRoute(model, { exchange: 'ghost', routingKey: 'k' }).exchangeMissing).toBe(true);
  });

  it('includes the header comparison for headers exchanges', () => {
    const h: RoutingModel = {
      exchanges: [{ name: 'h', type: 'headers' }],
      bindings: [{ source: 'h', destination: 'q', destinationType: 'queue', routingKey: '', arguments: { 'x-match': 'all', a: '1', b: '2' } }],
      queues: ['q'],
    };
    const v = explainRoute(h, { exchange: 'h', routingKey: '', headers: { a: '1', b: '3' } }).visits[0]?.bindings[0];
    expect(v?.matched).toBe(false);
    expect(v?.reason).toBe("x-match all: 'b' different");
    expect(v?.headers?.keys.map((k) => k.verdict)).toEqual(['ignored', 'equal', 'different']);
  });
});

describe('describeRoute', () => {
  it('tells the story of a route in order', () => {
    expect(describeRoute(explainRoute(model, { exchange: 'orders', routingKey: 'order.shipped' }))).toEqual([
      "Published to topic exchange 'orders'.",
      "  skipped: binding to queue 'paid' (key 'order.paid'): routing key 'order.shipped' does not match the pattern 'order.paid'",
      "  matched: binding to exchange 'audit' (key 'order.#'): routing key 'order.shipped' matches the pattern 'order.#'",
      "  A binding matched, so the alternate exchange 'unrouted' is not used.",
      "Reached internal fanout exchange 'audit' through a binding from 'orders'.",
      "  matched: binding to queue 'audit-log': fanout exchanges route to every binding",
      "  matched: binding to exchange 'orders': fanout exchanges route to every binding; that exchange was already visited, so it is not visited again",
      "Delivered to queue 'audit-log'.",
    ]);
  });

  it('explains alternate exchanges, unroutable messages, missing exchanges and refused messages', () => {
    expect(describeRoute(explainRoute(model, { exchange: 'orders', routingKey: 'x' })).slice(3)).toEqual([
      "  No binding matched, so the message goes to the alternate exchange 'unrouted'.",
      "Reached fanout exchange 'unrouted' as the alternate exchange of 'orders'.",
      "  matched: binding to queue 'dead': fanout exchanges route to every binding",
      "Delivered to queue 'dead'.",
    ]);
    expect(describeRoute(explainRoute(model, { exchange: '', routingKey: 'nope' }))).toEqual([
      "The default exchange would deliver to queue 'nope', which does not exist.",
      'Unroutable: the message is dropped, or returned with 312 NO_ROUTE when published as mandatory.',
    ]);
    expect(describeRoute(explainRoute(model, { exchange: 'ghost', routingKey: 'k' }))).toEqual([
      "Exchange 'ghost' does not exist: the publish fails with 404 NOT_FOUND.",
    ]);
    expect(describeRoute(explainRoute(model, { exchange: 'orders', routingKey: 'k', headers: { BCC: 'x' } }))).toEqual([
      'RabbitMQ refuses this message (PRECONDITION_FAILED - invalid message: {unacceptable_type_in_header,"BCC",longstr}).',
    ]);
  });
});
