import { describe, expect, it } from 'vitest';
import { benchTopology, queuesForConsumer, routingKeyFor } from '../../../scripts/bench/topology.js';

describe('benchTopology', () => {
  it('names queues after the run and uses the default exchange without fan-out', () => {
    expect(benchTopology('r1', 2, false)).toEqual({ queues: ['warren.bench.r1.q0', 'warren.bench.r1.q1'], exchange: '', copies: 1 });
  });

  it('with fan-out, one exchange and one copy per queue', () => {
    const t = benchTopology('r1', 10, true);
    expect(t.exchange).toBe('warren.bench.r1.fanout');
    expect(t.copies).toBe(10);
    expect(t.queues).toHaveLength(10);
  });
});

describe('routingKeyFor', () => {
  it('rotates each producer over the queues, starting at its own', () => {
    const t = benchTopology('r', 3, false);
    expect([0, 1, 2, 3].map((seq) => routingKeyFor(t, 1, seq))).toEqual(['warren.bench.r.q1', 'warren.bench.r.q2', 'warren.bench.r.q0', 'warren.bench.r.q1']);
  });

  it('is empty for a fanout exchange, which ignores it', () => {
    expect(routingKeyFor(benchTopology('r', 3, true), 0, 5)).toBe('');
  });
});

describe('queuesForConsumer', () => {
  it('gives every queue exactly one consumer when there are enough queues', () => {
    expect([0, 1, 2].map((c) => queuesForConsumer(c, 3, 10))).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
    expect(queuesForConsumer(0, 1, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('makes consumers compete on shared queues when there are more consumers', () => {
    expect([0, 1, 2, 3].map((c) => queuesForConsumer(c, 4, 1))).toEqual([[0], [0], [0], [0]]);
    expect([0, 1, 2].map((c) => queuesForConsumer(c, 3, 2))).toEqual([[0], [1], [0]]);
  });
});
