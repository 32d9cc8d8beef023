import { describe, expect, it } from 'vitest';
import type { TopologyPolicy } from '../../../shared/model/topology.js';
import { deadLetterQueues, type DeadLetterTopology } from '../../../shared/topology/dead-letter-queues.js';

const exchange = (name: string, type: string, args: Record<string, unknown> = {}) => ({ name, type, internal: false, arguments: args, policy: null });
const queue = (name: string, args: Record<string, unknown> = {}, policy: string | null = null) => ({ name, type: 'classic', arguments: args, policy });
const binding = (source: string, destination: string, routingKey: string, destinationType: 'queue' | 'exchange' = 'queue') => ({
  source,
  destination,
  destinationType,
  routingKey,
  arguments: {},
});
const policy = (name: string, pattern: string, definition: Record<string, unknown>, priority = 0): TopologyPolicy => ({ name, pattern, applyTo: 'queues', priority, definition });

function topology(parts: Partial<DeadLetterTopology>): DeadLetterTopology {
  return { exchanges: [], queues: [], bindings: [], policies: [], ...parts };
}

describe('deadLetterQueues', () => {
  it('finds the queue a dead-letter exchange and routing key lead to, naming the origin', () => {
    const found = deadLetterQueues(
      topology({
        exchanges: [exchange('orders.dlx', 'direct')],
        queues: [queue('orders', { 'x-dead-letter-exchange': 'orders.dlx', 'x-dead-letter-routing-key': 'dead' }), queue('orders.dead'), queue('other.dead')],
        bindings: [binding('orders.dlx', 'orders.dead', 'dead'), binding('orders.dlx', 'other.dead', 'other')],
      }),
    );
    expect([...found.keys()]).toEqual(['orders.dead']);
    expect(found.get('orders.dead')).toEqual([{ queue: 'orders', exchange: 'orders.dlx', routingKey: 'dead', setBy: 'argument' }]);
  });

  it('without a dead-letter routing key counts every queue the exchange can reach, through exchange hops too', () => {
    const found = deadLetterQueues(
      topology({
        exchanges: [exchange('dlx', 'topic'), exchange('dlx.more', 'fanout')],
        queues: [queue('work', { 'x-dead-letter-exchange': 'dlx' }), queue('dead.a'), queue('dead.b')],
        bindings: [binding('dlx', 'dead.a', 'a.#'), binding('dlx', 'dlx.more', 'b.#', 'exchange'), binding('dlx.more', 'dead.b', '')],
      }),
    );
    expect([...found.keys()].sort()).toEqual(['dead.a', 'dead.b']);
  });

  it('reads the dead-letter exchange from the policy in force, and an argument wins over it', () => {
    const found = deadLetterQueues(
      topology({
        exchanges: [exchange('by-policy', 'fanout'), exchange('by-argument', 'fanout')],
        queues: [queue('jobs.a'), queue('jobs.b', { 'x-dead-letter-exchange': 'by-argument' }), queue('parking'), queue('parking.b')],
        bindings: [binding('by-policy', 'parking', ''), binding('by-argument', 'parking.b', '')],
        policies: [policy('dlx-jobs', '^jobs\\.', { 'dead-letter-exchange': 'by-policy' })],
      }),
    );
    expect(found.get('parking')).toEqual([{ queue: 'jobs.a', exchange: 'by-policy', routingKey: null, setBy: 'dlx-jobs' }]);
    expect(found.get('parking.b')?.map((o) => o.queue)).toEqual(['jobs.b']);
  });

  it('through the default exchange reaches the queue named by the dead-letter routing key, and nothing without one', () => {
    const found = deadLetterQueues(
      topology({
        queues: [
          queue('orders', { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'orders.parked' }),
          queue('orders.parked'),
          queue('keyless', { 'x-dead-letter-exchange': '' }),
        ],
      }),
    );
    expect([...found.keys()]).toEqual(['orders.parked']);
  });

  it('collects several origins into one dead-letter queue and ignores a dead-letter exchange that does not exist', () => {
    const found = deadLetterQueues(
      topology({
        exchanges: [exchange('dlx', 'fanout')],
        queues: [queue('a', { 'x-dead-letter-exchange': 'dlx' }), queue('b', { 'x-dead-letter-exchange': 'dlx' }), queue('c', { 'x-dead-letter-exchange': 'gone' }), queue('dlq')],
        bindings: [binding('dlx', 'dlq', '')],
      }),
    );
    expect(found.get('dlq')?.map((o) => o.queue)).toEqual(['a', 'b']);
    expect(found.size).toBe(1);
  });
});
