import { describe, expect, it } from 'vitest';
import {
  buildRoutingTable,
  explainRoute,
  messageRoutingKeys,
  RoutingTable,
  type RoutingBinding,
  type RoutingExchange,
  type RoutingModel,
} from '../../../shared/routing/index.js';

const q = (source: string, destination: string, routingKey = '', args?: Record<string, unknown>): RoutingBinding => ({
  source,
  destination,
  destinationType: 'queue',
  routingKey,
  ...(args ? { arguments: args } : {}),
});
const x = (source: string, destination: string, routingKey = ''): RoutingBinding => ({
  source,
  destination,
  destinationType: 'exchange',
  routingKey,
});

/** Routes with the table (all keys at once, as the broker should) and with the explainer; they must agree. */
function both(model: RoutingModel, exchange: string, routingKey: string, headers?: Record<string, unknown>): string[] {
  const parsed = messageRoutingKeys(routingKey, headers);
  if ('error' in parsed) throw new Error(parsed.error);
  const fromTable = buildRoutingTable(model).route(exchange, parsed.keys, headers).sort();
  const explained = [...explainRoute(model, { exchange, routingKey, ...(headers ? { headers } : {}) }).queues].sort();
  expect(explained).toEqual(fromTable);
  return fromTable;
}

describe('default exchange', () => {
  const model: RoutingModel = { exchanges: [], bindings: [], queues: ['jobs'] };
  it('routes to the queue named by the routing key when it exists', () => {
    expect(both(model, '', 'jobs')).toEqual(['jobs']);
    expect(both(model, '', 'nope')).toEqual([]);
  });
  it('stops routing once the queue is deleted', () => {
    const t = buildRoutingTable(model);
    t.deleteQueue('jobs');
    expect(t.route('', 'jobs')).toEqual([]);
  });
});

describe('exchange types in a table', () => {
  const model: RoutingModel = {
    exchanges: [
      { name: 'd', type: 'direct' },
      { name: 'f', type: 'fanout' },
      { name: 'h', type: 'headers' },
    ],
    bindings: [
      q('d', 'q1', 'k'),
      q('d', 'q2', 'k'),
      q('d', 'q3', 'other'),
      q('f', 'q1', 'ignored'),
      q('f', 'q2'),
      q('h', 'q1', '', { 'x-match': 'any', a: '1' }),
      q('h', 'q2', '', { 'x-match': 'all', a: '1', b: '2' }),
    ],
    queues: ['q1', 'q2', 'q3'],
  };
  it('direct', () => expect(both(model, 'd', 'k')).toEqual(['q1', 'q2']));
  it('fanout ignores the key', () => expect(both(model, 'f', 'anything')).toEqual(['q1', 'q2']));
  it('headers', () => {
    expect(both(model, 'h', '', { a: '1' })).toEqual(['q1']);
    expect(both(model, 'h', '', { a: '1', b: '2' })).toEqual(['q1', 'q2']);
  });
  it('an unknown exchange routes nowhere', () => expect(both(model, 'missing', 'k')).toEqual([]));
});

describe('exchange-to-exchange bindings', () => {
  it('follows chains and delivers each queue once through a diamond', () => {
    const model: RoutingModel = {
      exchanges: [
        { name: 'top', type: 'fanout' },
        { name: 'left', type: 'direct' },
        { name: 'right', type: 'topic' },
      ],
      bindings: [x('top', 'left'), x('top', 'right'), q('left', 'shared', 'a.b'), q('right', 'shared', 'a.*'), q('right', 'only-right', '#')],
      queues: ['shared', 'only-right'],
    };
    expect(both(model, 'top', 'a.b')).toEqual(['only-right', 'shared']);
  });

  it('survives cycles, including an exchange bound to itself', () => {
    const model: RoutingModel = {
      exchanges: [
        { name: 'a', type: 'fanout' },
        { name: 'b', type: 'fanout' },
      ],
      bindings: [x('a', 'b'), x('b', 'a'), x('a', 'a'), q('b', 'qb')],
      queues: ['qb'],
    };
    expect(both(model, 'a', '')).toEqual(['qb']);
    expect(both(model, 'b', '')).toEqual(['qb']);
  });

  it('uses the routing key of the message, not of the e2e binding, downstream', () => {
    const model: RoutingModel = {
      exchanges: [
        { name: 'in', type: 'topic' },
        { name: 'out', type: 'direct' },
      ],
      bindings: [x('in', 'out', 'orders.*'), q('out', 'created', 'orders.created'), q('out', 'star', 'orders.*')],
      queues: ['created', 'star'],
    };
    expect(both(model, 'in', 'orders.created')).toEqual(['created']);
  });
});

describe('alternate exchanges', () => {
  const exchanges: RoutingExchange[] = [
    { name: 'main', type: 'direct', alternateExchange: 'ae1' },
    { name: 'ae1', type: 'direct', alternateExchange: 'ae2', internal: true },
    { name: 'ae2', type: 'fanout', alternateExchange: 'main' },
  ];
  const model: RoutingModel = {
    exchanges,
    bindings: [q('main', 'routed', 'k'), q('ae1', 'ae1-q', 'special'), q('ae2', 'ae2-q')],
    queues: ['routed', 'ae1-q', 'ae2-q'],
  };
  it('is not used when a binding matched', () => expect(both(model, 'main', 'k')).toEqual(['routed']));
  it('is used when nothing matched', () => expect(both(model, 'main', 'special')).toEqual(['ae1-q']));
  it('chains to the alternate of the alternate, loop-safe', () => expect(both(model, 'main', 'zzz')).toEqual(['ae2-q']));
  it('an AE loop that reaches no queue ends unroutable', () => {
    const loop: RoutingModel = {
      exchanges: [
        { name: 'p', type: 'direct', alternateExchange: 'r' },
        { name: 'r', type: 'direct', alternateExchange: 'p' },
      ],
      bindings: [],
      queues: [],
    };
    expect(both(loop, 'p', 'k')).toEqual([]);
  });
  it('is not used when a matching binding leads to an exchange that reaches nothing', () => {
    const m: RoutingModel = {
      exchanges: [
        { name: 'src', type: 'fanout', alternateExchange: 'ae' },
        { name: 'empty', type: 'direct' },
        { name: 'ae', type: 'fanout' },
      ],
      bindings: [x('src', 'empty'), q('ae', 'caught')],
      queues: ['caught'],
    };
    expect(both(m, 'src', 'k')).toEqual([]);
  });
  it('is used by a downstream exchange whose own bindings matched nothing', () => {
    const m: RoutingModel = {
      exchanges: [
        { name: 'src', type: 'fanout' },
        { name: 'mid', type: 'direct', alternateExchange: 'ae' },
        { name: 'ae', type: 'fanout' },
      ],
      bindings: [x('src', 'mid'), q('mid', 'never', 'x'), q('ae', 'caught')],
      queues: ['caught', 'never'],
    };
    expect(both(m, 'src', 'k')).toEqual(['caught']);
  });
  it('a missing alternate exchange routes nowhere', () => {
    const m: RoutingModel = { exchanges: [{ name: 'a', type: 'direct', alternateExchange: 'gone' }], bindings: [], queues: [] };
    expect(both(m, 'a', 'k')).toEqual([]);
    expect(explainRoute(m, { exchange: 'a', routingKey: 'k' }).visits[0]?.alternate).toEqual({ exchange: 'gone', outcome: 'missing' });
  });
});

describe('RoutingTable maintenance', () => {
  it('adds and removes bindings incrementally, keeping aliases with different arguments distinct', () => {
    const t = new RoutingTable();
    t.declareExchange({ name: 'e', type: 'direct' });
    t.declareQueue('q');
    expect(t.addBinding(q('e', 'q', 'k', { a: 1 }))).toBe(true);
    expect(t.addBinding(q('e', 'q', 'k', { a: 1 }))).toBe(false);
    expect(t.addBinding(q('e', 'q', 'k', { a: 2 }))).toBe(true);
    expect(t.route('e', 'k')).toEqual(['q']);
    expect(t.removeBinding(q('e', 'q', 'k', { a: 1 }))).toBe(true);
    expect(t.route('e', 'k')).toEqual(['q']);
    expect(t.removeBinding(q('e', 'q', 'k', { a: 1 }))).toBe(false);
    expect(t.removeBinding(q('e', 'q', 'k', { a: 2 }))).toBe(true);
    expect(t.route('e', 'k')).toEqual([]);
  });

  it('treats argument order as irrelevant and type tags as relevant to binding identity', () => {
    const t = new RoutingTable();
    t.declareExchange({ name: 'e', type: 'headers' });
    expect(t.addBinding(q('e', 'q', '', { a: 1, b: 2 }))).toBe(true);
    expect(t.hasBinding(q('e', 'q', '', { b: 2, a: 1 }))).toBe(true);
    expect(t.addBinding(q('e', 'q', '', { a: { type: 'I', value: 1 } }))).toBe(true);
    expect(t.addBinding(q('e', 'q', '', { a: { type: 'l', value: 1 } }))).toBe(true);
  });

  it('deleting a queue or an exchange removes and returns the bindings that involved it', () => {
    const t = buildRoutingTable({
      exchanges: [
        { name: 'a', type: 'fanout' },
        { name: 'b', type: 'fanout' },
      ],
      bindings: [x('a', 'b'), q('b', 'q1'), q('a', 'q1'), q('a', 'q2')],
      queues: ['q1', 'q2'],
    });
    expect(t.deleteQueue('q1')).toHaveLength(2);
    expect(t.route('a', '')).toEqual(['q2']);
    expect(t.deleteExchange('b')).toEqual([x('a', 'b')]);
    expect(t.bindingsFrom('a')).toEqual([q('a', 'q2')]);
    expect(t.bindingsTo('queue', 'q2')).toEqual([q('a', 'q2')]);
    expect(t.toModel()).toEqual({ exchanges: [{ name: 'a', type: 'fanout' }], bindings: [q('a', 'q2')], queues: ['q2'] });
  });

  it('updates metadata on redeclare and refuses a type change', () => {
    const t = buildRoutingTable({ exchanges: [{ name: 'e', type: 'direct' }, { name: 'ae', type: 'fanout' }], bindings: [q('ae', 'z')], queues: ['z'] });
    expect(t.route('e', 'k')).toEqual([]);
    t.declareExchange({ name: 'e', type: 'direct', alternateExchange: 'ae' });
    expect(t.route('e', 'k')).toEqual(['z']);
    expect(() => t.declareExchange({ name: 'e', type: 'topic' })).toThrow(/delete it before/);
  });

  it('throws when binding from an exchange it does not know', () => {
    expect(() => new RoutingTable().addBinding(q('nope', 'q'))).toThrow(/no exchange 'nope'/);
  });
});

describe('table and explainer agree on random topologies', () => {
  it('gives the same queue sets for 300 random graphs', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    const types = ['direct', 'fanout', 'topic', 'headers'] as const;
    const keys = ['a', 'b', 'a.b', '#', '*', 'a.*'];
    for (let n = 0; n < 300; n++) {
      const names = ['x0', 'x1', 'x2', 'x3'];
      const exchanges: RoutingExchange[] = names.map((name) => ({
        name,
        type: types[rnd(4)] as (typeof types)[number],
        ...(rnd(3) === 0 ? { alternateExchange: names[rnd(4)] as string } : {}),
      }));
      const queues = ['q0', 'q1', 'q2'];
      const bindings: RoutingBinding[] = Array.from({ length: rnd(8) }, () => {
        const toQueue = rnd(2) === 0;
        return {
          source: names[rnd(4)] as string,
          destination: toQueue ? (queues[rnd(3)] as string) : (names[rnd(4)] as string),
          destinationType: toQueue ? 'queue' : 'exchange',
          routingKey: keys[rnd(keys.length)] as string,
          arguments: rnd(2) === 0 ? { 'x-match': 'any', h: String(rnd(2)) } : {},
        };
      });
      const model = { exchanges, bindings, queues };
      const cc = rnd(3) === 0 ? { CC: [keys[rnd(3)] as string] } : {};
      both(model, names[rnd(4)] as string, keys[rnd(3)] as string, { h: String(rnd(2)), ...cc });
    }
  });
});
