import { describe, expect, it } from 'vitest';
import { buildRoutingTable, type RoutingBinding } from '../../../shared/routing/index.js';

/**
 * The routing cases of rabbitmq/rabbitmq-server
 * deps/rabbit/test/exchanges_SUITE.erl (direct_exchange, topic_exchange,
 * fanout_exchange, headers_exchange), replayed on a RoutingTable holding
 * the same predeclared exchanges and bindings.
 */
const Q = 'q';
const ALT = 'q_alt';
const bind = (source: string, destination: string, routingKey: string, args?: Record<string, unknown>): RoutingBinding => ({
  source,
  destination,
  destinationType: 'queue',
  routingKey,
  ...(args === undefined ? {} : { arguments: args }),
});

function table(bindings: RoutingBinding[]) {
  return buildRoutingTable({
    exchanges: [
      { name: 'amq.direct', type: 'direct' },
      { name: 'amq.topic', type: 'topic' },
      { name: 'amq.fanout', type: 'fanout' },
      { name: 'amq.headers', type: 'headers' },
    ],
    bindings,
    queues: [Q, ALT],
  });
}

describe('exchanges_SUITE vectors', () => {
  it('direct_exchange: only the queue bound with the key', () => {
    const t = table([bind('amq.direct', Q, Q), bind('amq.direct', ALT, ALT)]);
    expect(t.route('amq.direct', Q)).toEqual([Q]);
    expect(t.route('amq.direct', 'anyotherkey')).toEqual([]);
  });

  it('topic_exchange: wildcards, a literal "#" inside a word, and a routing key made of "#" and "*"', () => {
    const t = table([bind('amq.topic', Q, 'this.*.rules'), bind('amq.topic', Q, '*.for.*'), bind('amq.topic', Q, 'simply#carrots')]);
    const routed = (key: string) => t.route('amq.topic', key).length > 0;
    expect(
      ['this.queue.rules', 'this.exchange.rules', 'another.queue.rules', 'carrots.for.power', 'simplycarrots', '*.queue.rules'].map(routed),
    ).toEqual([true, true, false, true, false, false]);
    t.addBinding(bind('amq.topic', Q, '#.noclue'));
    expect(['simplycarrots', '#.bla', '#.noclue'].map(routed)).toEqual([false, false, true]);
    t.addBinding(bind('amq.topic', Q, '#'));
    expect(t.route('amq.topic', 'simplycarrots')).toEqual([Q]);
  });

  it('fanout_exchange: both queues whatever the key', () => {
    const t = table([bind('amq.fanout', Q, Q), bind('amq.fanout', ALT, ALT)]);
    expect(t.route('amq.fanout', Q).sort()).toEqual([Q, ALT].sort());
    expect(t.route('amq.fanout', 'anyotherkey').sort()).toEqual([Q, ALT].sort());
  });

  it('headers_exchange: all needs both headers, any needs one, no headers matches neither', () => {
    const t = table([
      bind('amq.headers', Q, '', { 'x-match': 'all', foo: 'bar', fuu: 'ber' }),
      bind('amq.headers', ALT, '', { 'x-match': 'any', foo: 'bar', fuu: 'ber' }),
    ]);
    expect(t.route('amq.headers', '', { foo: 'bar', fuu: 'ber' }).sort()).toEqual([Q, ALT].sort());
    expect(t.route('amq.headers', '', { foo: 'bar' })).toEqual([ALT]);
    expect(t.route('amq.headers', '')).toEqual([]);
  });
});
