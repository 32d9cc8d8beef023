// One producer on its own connection. It respects the client's backpressure
// (publish() returning false means amqplib's buffer is full: wait for
// 'drain'), so the figures measure what the broker accepts, not how much the
// client can queue in memory.
import { once } from 'node:events';
import type { Channel, ConfirmChannel } from 'amqplib';
import { unlessAborted } from './abort.js';
import { encodeBody } from './body.js';
import type { DeliveryLedger } from './ledger.js';
import { routingKeyFor, type Topology } from './topology.js';
import { ConfirmWindow } from './window.js';

export const CONFIRM_WINDOW = 1000;

export interface ProducerPlan {
  id: number;
  count: number;
  size: number;
  persistent: boolean;
  /** performance.now() after which no more messages are published. */
  publishUntil: number;
}

export interface ProducerTally {
  published: number;
  confirmed: number;
  nacked: number;
  /** performance.now() when the last publish was written (or, with confirms, the last confirm arrived). */
  doneAt: number;
}

export function emptyTally(): ProducerTally {
  return { published: 0, confirmed: 0, nacked: 0, doneAt: NaN };
}

/**
 * Publishes plan.count messages on ch (a ConfirmChannel when confirm is set)
 * until done, the time cap, or an abort, counting into tally as it goes so a
 * failed run still reports what was sent.
 */
export async function runProducer(
  ch: Channel | ConfirmChannel,
  confirm: boolean,
  topology: Topology,
  plan: ProducerPlan,
  ledger: DeliveryLedger,
  tally: ProducerTally,
  signal: AbortSignal,
): Promise<void> {
  const window = new ConfirmWindow(CONFIRM_WINDOW);
  const options = { persistent: plan.persistent };
  for (let seq = 0; seq < plan.count && !signal.aborted; seq++) {
    if (confirm && !(await unlessAborted(window.acquire(), signal))) break;
    const now = performance.now();
    if (now >= plan.publishUntil) {
      if (confirm) window.release();
      break;
    }
    const body = encodeBody(plan.size, { producer: plan.id, seq, sentAt: now });
    const key = routingKeyFor(topology, plan.id, seq);
    let writable: boolean;
    if (confirm) {
      writable = (ch as ConfirmChannel).publish(topology.exchange, key, body, options, (err) => {
        if (err) tally.nacked++;
        else {
          tally.confirmed++;
          ledger.markOwed(plan.id, seq);
        }
        tally.doneAt = performance.now();
        window.release();
      });
    } else {
      writable = ch.publish(topology.exchange, key, body, options);
      ledger.markOwed(plan.id, seq);
    }
    tally.published++;
    if (!writable && !(await unlessAborted(once(ch, 'drain'), signal))) break;
  }
  if (confirm) await unlessAborted(window.drained(), signal);
  else tally.doneAt = performance.now();
}
