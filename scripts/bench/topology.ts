// Who publishes where and who consumes what. Pure, so the delivery checks can
// know exactly which queue each message was meant for.

export interface Topology {
  queues: string[];
  /** The fanout exchange every producer publishes to, or '' for the default exchange. */
  exchange: string;
  /** Copies each message should arrive as: the fan-out width, or 1. */
  copies: number;
}

export function benchTopology(runId: string, queueCount: number, fanout: boolean): Topology {
  const prefix = `warren.bench.${runId}`;
  return {
    queues: Array.from({ length: queueCount }, (_, i) => `${prefix}.q${i}`),
    exchange: fanout ? `${prefix}.fanout` : '',
    copies: fanout ? queueCount : 1,
  };
}

/**
 * Routing key of message seq from a producer. On the default exchange the
 * producers' messages rotate over the queues so every queue is fed even with
 * fewer producers than queues; a fanout exchange ignores the key.
 */
export function routingKeyFor(t: Topology, producer: number, seq: number): string {
  if (t.exchange !== '') return '';
  return t.queues[(producer + seq) % t.queues.length]!;
}

/**
 * Queue indexes consumer c of n consumes from: with at least as many queues as
 * consumers each queue has one consumer; with more consumers than queues they
 * share queues round-robin (competing consumers).
 */
export function queuesForConsumer(c: number, consumers: number, queueCount: number): number[] {
  if (consumers > queueCount) return [c % queueCount];
  const mine: number[] = [];
  for (let q = c; q < queueCount; q += consumers) mine.push(q);
  return mine;
}
