import { describe, expect, it } from 'vitest';
import { buildRoutingTable, explainRoute, messageRoutingKeys, type RoutingModel } from '../../../shared/routing/index.js';

/**
 * CC and BCC (rabbit_basic:header_routes). The AE case was checked on
 * RabbitMQ 3.10.8: key 'a' + CC ['zzz', 'b'] + BCC ['c'] reached a, b and c
 * and not the alternate exchange; key 'zzz' + CC ['yyy'] went to the AE.
 */
describe('messageRoutingKeys', () => {
  it('adds the longstr elements of CC then BCC to the routing key', () => {
    expect(messageRoutingKeys('a', { CC: ['b', 'c'], BCC: ['d'] })).toEqual({ keys: ['a', 'b', 'c', 'd'] });
    expect(messageRoutingKeys('a', undefined)).toEqual({ keys: ['a'] });
    expect(messageRoutingKeys('a', { CC: ['b', 5, true] })).toEqual({ keys: ['a', 'b'] });
  });

  it('reads typed values, skipping elements that are not longstr', () => {
    const headers = { CC: { type: 'A', value: [{ type: 'S', value: 'b' }, { type: 'I', value: 1 }] } };
    expect(messageRoutingKeys('a', headers)).toEqual({ keys: ['a', 'b'] });
  });

  it("refuses a CC or BCC that is not an array, with RabbitMQ's reason", () => {
    expect(messageRoutingKeys('a', { CC: 'b' })).toEqual({ error: '{unacceptable_type_in_header,"CC",longstr}' });
    expect(messageRoutingKeys('a', { BCC: { type: 'I', value: 3 } })).toEqual({ error: '{unacceptable_type_in_header,"BCC",signedint}' });
  });
});

describe('routing on several keys at once', () => {
  const model: RoutingModel = {
    exchanges: [
      { name: 'x', type: 'direct', alternateExchange: 'ae' },
      { name: 'ae', type: 'fanout' },
      { name: 't', type: 'topic' },
    ],
    bindings: [
      { source: 'x', destination: 'qa', destinationType: 'queue', routingKey: 'a' },
      { source: 'x', destination: 'qb', destinationType: 'queue', routingKey: 'b' },
      { source: 'x', destination: 'qc', destinationType: 'queue', routingKey: 'c' },
      { source: 'ae', destination: 'caught', destinationType: 'queue', routingKey: '' },
      { source: 't', destination: 'qa', destinationType: 'queue', routingKey: 'a.#' },
      { source: 't', destination: 'qb', destinationType: 'queue', routingKey: '*.b' },
    ],
    queues: ['qa', 'qb', 'qc', 'caught'],
  };

  it('uses the alternate exchange only when no key matched', () => {
    const t = buildRoutingTable(model);
    expect(t.route('x', ['a', 'zzz', 'b', 'c']).sort()).toEqual(['qa', 'qb', 'qc']);
    expect(t.route('x', ['zzz', 'yyy'])).toEqual(['caught']);
  });

  it('matches topic bindings on any key, each queue once', () => {
    expect(buildRoutingTable(model).route('t', ['a.x', 'a.b', 'z.b']).sort()).toEqual(['qa', 'qb']);
  });

  it('reaches every named queue through the default exchange', () => {
    expect(buildRoutingTable(model).route('', ['qa', 'nope', 'qc', 'qa']).sort()).toEqual(['qa', 'qc']);
  });

  it('explainRoute reads CC and BCC from the headers and says which key matched', () => {
    const e = explainRoute(model, { exchange: 'x', routingKey: 'a', headers: { CC: ['zzz', 'b'], BCC: ['c'] } });
    expect(e.routingKeys).toEqual(['a', 'zzz', 'b', 'c']);
    expect([...e.queues].sort()).toEqual(['qa', 'qb', 'qc']);
    expect(e.visits[0]?.alternate).toEqual({ exchange: 'ae', outcome: 'not-needed' });
    expect(e.visits[0]?.bindings[1]?.reason).toBe("routing key 'b' equals the binding key");
    const none = explainRoute(model, { exchange: 'x', routingKey: 'zzz', headers: { CC: ['yyy'] } });
    expect(none.visits[0]?.bindings[0]?.reason).toBe("none of the routing keys 'zzz', 'yyy' is the binding key 'a'");
    expect(none.queues).toEqual(['caught']);
  });

  it('explainRoute reports a message RabbitMQ would refuse', () => {
    const e = explainRoute(model, { exchange: 'x', routingKey: 'a', headers: { CC: 'b' } });
    expect([e.routed, e.invalidMessage]).toEqual([false, '{unacceptable_type_in_header,"CC",longstr}']);
  });
});
