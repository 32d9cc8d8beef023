import { describe, expect, it } from 'vitest';
import { buildRoutingTable, splitTopicKey, topicMatches, TopicTrie } from '../../../shared/routing/index.js';
import {
  TOPIC_BINDINGS,
  TOPIC_EXPECTED,
  TOPIC_EXPECTED_AFTER_REMOVAL,
  TOPIC_REMOVED,
} from './rabbitmq-topic-vectors.js';

const sorted = (xs: Iterable<string>) => [...xs].sort();

function bruteForce(routingKey: string, removed: ReadonlySet<number> = new Set()): string[] {
  const hits = new Set<string>();
  TOPIC_BINDINGS.forEach(([key, queue], i) => {
    if (!removed.has(i + 1) && topicMatches(key, routingKey)) hits.add(queue);
  });
  return sorted(hits);
}

describe('splitTopicKey', () => {
  it('gives the empty key zero words and keeps every other empty word', () => {
    expect(splitTopicKey('')).toEqual([]);
    expect(splitTopicKey('.')).toEqual(['', '']);
    expect(splitTopicKey('a.')).toEqual(['a', '']);
    expect(splitTopicKey('a..b')).toEqual(['a', '', 'b']);
  });
});

describe('topicMatches on RabbitMQ routing_SUITE vectors', () => {
  it.each(TOPIC_EXPECTED)('routing key %j', (routingKey, expected) => {
    expect(bruteForce(routingKey)).toEqual(sorted(expected));
  });
  it.each(TOPIC_EXPECTED_AFTER_REMOVAL)('after removals, routing key %j', (routingKey, expected) => {
    expect(bruteForce(routingKey, new Set(TOPIC_REMOVED))).toEqual(sorted(expected));
  });
});

describe('topicMatches edge cases', () => {
  it.each([
    ['*', '', false],
    ['*', '.', false],
    ['*.*', '.', true],
    ['a.*', 'a.', true],
    ['a.*', 'a', false],
    ['a.#', 'a', true],
    ['#.a', 'a', true],
    ['a.*.b', 'a..b', true],
    ['a..b', 'a..b', true],
    ['a..b', 'a.b', false],
    ['', '', true],
    ['', '.', false],
    ['#', '.', true],
    ['#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.x', 'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.y', false],
    ['A.b', 'a.b', false],
    ['a.#.c', 'a.c', true],
    ['a.#.c', 'a.b.b.c', true],
    ['a.#.c', 'a.b.b.d', false],
  ] as const)('%j vs %j -> %s', (bindingKey, routingKey, expected) => {
    expect(topicMatches(bindingKey, routingKey)).toBe(expected);
  });
});

describe('TopicTrie', () => {
  function trieFromVectors(): TopicTrie<number> {
    const trie = new TopicTrie<number>();
    TOPIC_BINDINGS.forEach(([key], i) => trie.add(key, i + 1));
    return trie;
  }
  const queuesOf = (trie: TopicTrie<number>, routingKey: string) => {
    const hits = new Set<string>();
    trie.match(routingKey, (n) => hits.add((TOPIC_BINDINGS[n - 1] as (typeof TOPIC_BINDINGS)[number])[1]));
    return sorted(hits);
  };

  it.each(TOPIC_EXPECTED)('matches RabbitMQ vector %j', (routingKey, expected) => {
    expect(queuesOf(trieFromVectors(), routingKey)).toEqual(sorted(expected));
  });

  it('matches the post-removal vectors after incremental removal', () => {
    const trie = trieFromVectors();
    for (const n of TOPIC_REMOVED) {
      expect(trie.remove((TOPIC_BINDINGS[n - 1] as (typeof TOPIC_BINDINGS)[number])[0], n)).toBe(true);
    }
    for (const [routingKey, expected] of TOPIC_EXPECTED_AFTER_REMOVAL) {
      expect(queuesOf(trie, routingKey), routingKey).toEqual(sorted(expected));
    }
    expect(trie.size).toBe(TOPIC_BINDINGS.length - TOPIC_REMOVED.length);
  });

  it('reports each value once even when several paths reach it', () => {
    const trie = new TopicTrie<string>();
    trie.add('#.#', 'v');
    trie.add('*', 'w');
    const seen: string[] = [];
    trie.match('*', (v) => seen.push(v));
    expect(seen.sort()).toEqual(['v', 'w']);
  });

  it('refuses duplicate adds and unknown removes, and empties completely', () => {
    const trie = new TopicTrie<string>();
    expect(trie.add('a.b', 'x')).toBe(true);
    expect(trie.add('a.b', 'x')).toBe(false);
    expect(trie.remove('a.c', 'x')).toBe(false);
    expect(trie.remove('a.b', 'y')).toBe(false);
    expect(trie.remove('a.b', 'x')).toBe(true);
    expect(trie.size).toBe(0);
    const seen: string[] = [];
    trie.match('a.b', (v) => seen.push(v));
    expect(seen).toEqual([]);
  });

  it('agrees with topicMatches on random keys', () => {
    const words = ['a', 'b', '', '*', '#'];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    const key = (max: number, alphabet: string[]) =>
      Array.from({ length: rnd(max + 1) }, () => alphabet[rnd(alphabet.length)]).join('.');
    const patterns = Array.from({ length: 200 }, () => key(5, words));
    const trie = new TopicTrie<number>();
    patterns.forEach((p, i) => trie.add(p, i));
    for (let n = 0; n < 300; n++) {
      const rk = key(6, ['a', 'b', '']);
      const viaTrie: number[] = [];
      trie.match(rk, (i) => viaTrie.push(i));
      const viaPure = patterns.flatMap((p, i) => (topicMatches(p, rk) ? [i] : []));
      expect(viaTrie.sort((x, y) => x - y), `${rk}`).toEqual(viaPure);
    }
  });
});

describe('RoutingTable with the topic vectors', () => {
  it('routes like RabbitMQ, including the aliased args-test bindings and removals', () => {
    const queues = [...new Set(TOPIC_BINDINGS.map(([, q]) => q))];
    const binding = ([key, queue, args]: (typeof TOPIC_BINDINGS)[number]) => ({
      source: 'topic_matching-exchange',
      destination: queue,
      destinationType: 'queue' as const,
      routingKey: key,
      arguments: args,
    });
    const table = buildRoutingTable({
      exchanges: [{ name: 'topic_matching-exchange', type: 'topic' }],
      bindings: TOPIC_BINDINGS.map(binding),
      queues,
    });
    for (const [rk, expected] of TOPIC_EXPECTED) {
      expect(sorted(table.route('topic_matching-exchange', rk)), rk).toEqual(sorted(expected));
    }
    for (const n of TOPIC_REMOVED) {
      expect(table.removeBinding(binding(TOPIC_BINDINGS[n - 1] as (typeof TOPIC_BINDINGS)[number]))).toBe(true);
    }
    for (const [rk, expected] of TOPIC_EXPECTED_AFTER_REMOVAL) {
      expect(sorted(table.route('topic_matching-exchange', rk)), rk).toEqual(sorted(expected));
    }
    table.deleteExchange('topic_matching-exchange');
    expect(table.route('topic_matching-exchange', 'a.b.c')).toEqual([]);
  });
});
