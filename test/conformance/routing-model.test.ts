import { expect, it } from 'vitest';
import {
  describeRoute,
  explainRoute,
  type RouteExplanation,
  type ExchangeType,
  type RoutingBinding,
  type RoutingExchange,
  type RoutingModel,
} from '../../shared/routing/index.js';
import { drain } from './support/messages.js';
import { forEachTarget } from './support/targets.js';

/**
 * shared/routing against the brokers: random topologies (every exchange
 * type, exchange-to-exchange bindings, cycles, alternate exchanges) are
 * declared on each target, messages published, and the queues each message
 * reached are compared with explainRoute's prediction. RabbitMQ judges the
 * routing code; the embedded broker must agree with both.
 */
const TYPES: ExchangeType[] = ['direct', 'fanout', 'topic', 'headers'];
const KEYS = ['a', 'b', 'a.b', 'a.b.c', '', '#', '*', 'a.*', '*.b', 'a.#'];
const ROUTING_KEYS = ['a', 'b', 'a.b', 'a.b.c', '', 'x.b'];

function prng(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor(s / 65536) % n;
  };
}

function randomTopology(seed: number, names: { exchange: (i: number) => string; queue: (i: number) => string }) {
  const rnd = prng(seed);
  const exchanges: RoutingExchange[] = [0, 1, 2, 3].map((i) => {
    const ae = rnd(3) === 0 ? { alternateExchange: names.exchange(rnd(4)) } : {};
    return { name: names.exchange(i), type: TYPES[rnd(4)] as ExchangeType, internal: i > 0 && rnd(4) === 0, ...ae };
  });
  const queues = [0, 1, 2].map((i) => names.queue(i));
  const bindings: RoutingBinding[] = [];
  for (let n = 0; n < 8; n++) {
    const toQueue = rnd(3) !== 0;
    const b: RoutingBinding = {
      source: names.exchange(rnd(4)),
      destination: toQueue ? names.queue(rnd(3)) : names.exchange(rnd(4)),
      destinationType: toQueue ? 'queue' : 'exchange',
      routingKey: KEYS[rnd(KEYS.length)] as string,
      arguments: rnd(2) === 0 ? { 'x-match': rnd(2) === 0 ? 'any' : 'all', h: String(rnd(2)), k: 'v' } : {},
    };
    const same = (o: RoutingBinding) =>
      o.source === b.source && o.destination === b.destination && o.destinationType === b.destinationType && o.routingKey === b.routingKey && JSON.stringify(o.arguments) === JSON.stringify(b.arguments);
    if (!bindings.some(same)) bindings.push(b);
  }
  const messages = [0, 1, 2, 3, 4, 5].map((i) => ({
    id: String(i),
    routingKey: ROUTING_KEYS[rnd(ROUTING_KEYS.length)] as string,
    headers: {
      ...(rnd(3) === 0 ? {} : { h: String(rnd(2)), ...(rnd(2) === 0 ? { k: 'v' } : {}) }),
      ...(rnd(4) === 0 ? { CC: [ROUTING_KEYS[rnd(ROUTING_KEYS.length)] as string] } : {}),
    },
  }));
  const model: RoutingModel = { exchanges, bindings, queues };
  return { model, messages };
}

forEachTarget((ctx) => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('random topology %i routes as shared/routing predicts', async (seed) => {
    const s = ctx.session();
    const exchangeNames = [0, 1, 2, 3].map((i) => s.exchangeName(`x${i}`));
    const queueNames = [0, 1, 2].map((i) => s.queueName(`q${i}`));
    const { model, messages } = randomTopology(seed, { exchange: (i) => exchangeNames[i] as string, queue: (i) => queueNames[i] as string });
    const ch = await s.channel();
    for (const x of model.exchanges) {
      await ch.assertExchange(x.name, x.type, {
        durable: false,
        internal: x.internal === true,
        ...(x.alternateExchange === undefined ? {} : { alternateExchange: x.alternateExchange }),
      });
    }
    for (const q of model.queues) await ch.assertQueue(q);
    for (const b of model.bindings) {
      if (b.destinationType === 'queue') await ch.bindQueue(b.destination, b.source, b.routingKey, b.arguments);
      else await ch.bindExchange(b.destination, b.source, b.routingKey, b.arguments);
    }
    const publishTo = exchangeNames[0] as string;
    const pub = await s.confirmChannel();
    for (const m of messages) pub.publish(publishTo, m.routingKey, Buffer.from(m.id), { headers: m.headers });
    await pub.waitForConfirms();
    const reached: Record<string, string[]> = Object.fromEntries(messages.map((m) => [m.id, []]));
    for (const q of model.queues) for (const got of await drain(ch, q)) reached[got.content.toString()]?.push(q);
    const explanations = messages.map((m) => explainRoute(model, { exchange: publishTo, routingKey: m.routingKey, headers: m.headers }));
    const predicted = Object.fromEntries(messages.map((m, i) => [m.id, [...(explanations[i]?.queues ?? [])].sort()]));
    const actual = Object.fromEntries(Object.entries(reached).map(([id, qs]) => [id, qs.sort()]));
    // On a mismatch, say how shared/routing reasoned about the messages that went elsewhere.
    const why = messages
      .filter((m) => JSON.stringify(actual[m.id]) !== JSON.stringify(predicted[m.id]))
      .map((m) => [`message ${m.id}:`, ...describeRoute(explanations[Number(m.id)] as RouteExplanation)].join('\n'))
      .join('\n');
    expect(actual, why).toEqual(predicted);
  });
});
