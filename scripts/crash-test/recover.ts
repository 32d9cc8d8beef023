// After a restart: reads every message in the queue (holding them unacked, so
// each is seen once), checks their bodies, and only then acks a share of them
// (the rest are requeued when the connection closes), so the next cycle starts
// from a queue holding both old and new messages.
import amqp, { type Message } from 'amqplib';
import type { CrashLedger } from './ledger.js';
import { checkBody, type BodyCheck } from './payload.js';
import type { Random } from './rng.js';
import { QUEUE } from './topology.js';

const READ_TIMEOUT_MS = 120_000;
const EMPTY = Buffer.alloc(0);

export interface QueueContents {
  recovered: BodyCheck[];
  /** Acks the settled messages (marking them acked in the ledger) and closes; call after checking `recovered`. */
  settle(ackShare: number): Promise<number>;
}

export async function readQueue(amqpUrl: string, seed: number, random: Random, ledger: CrashLedger): Promise<QueueContents> {
  const conn = await amqp.connect(amqpUrl);
  conn.on('error', () => undefined);
  const ch = await conn.createChannel();
  const { messageCount } = await ch.checkQueue(QUEUE);
  const recovered: BodyCheck[] = [];
  // The bodies are dropped once checked (amqplib acks by delivery tag).
  const held: { message: Message; id: number | undefined }[] = [];
  await new Promise<void>((resolve, reject) => {
    if (messageCount === 0) return resolve();
    const timer = setTimeout(() => reject(new Error(`read ${recovered.length} of ${messageCount} messages within ${READ_TIMEOUT_MS / 1000} s`)), READ_TIMEOUT_MS);
    ch.consume(QUEUE, (m) => {
      if (!m) return;
      const body = checkBody(seed, m.content);
      recovered.push(body);
      held.push({ message: { ...m, content: EMPTY }, id: 'id' in body ? body.id : undefined });
      if (recovered.length === messageCount) {
        clearTimeout(timer);
        resolve();
      }
    }).catch(reject);
  });
  return {
    recovered,
    async settle(ackShare) {
      let acked = 0;
      for (const h of held) {
        if (h.id === undefined || random() >= ackShare) continue;
        ch.ack(h.message);
        ledger.acked(h.id);
        acked++;
      }
      await conn.close();
      return acked;
    },
  };
}
