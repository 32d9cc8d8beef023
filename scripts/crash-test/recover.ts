// After a restart: reads every message in the queue (holding them unacked, so
// each is seen once), checks their bodies, and only then acks a share of the
// owed ones and all the others (the rest are requeued when the connection
// closes), so the next cycle starts from a queue holding old and new messages.
import amqp, { type Message } from 'amqplib';
import type { CrashLedger } from './ledger.js';
import { checkBody, type BodyCheck } from './payload.js';
import type { Random } from './rng.js';
import { QUEUE } from './topology.js';

const READ_TIMEOUT_MS = 120_000;
const EMPTY = Buffer.alloc(0);

export interface QueueContents {
  recovered: BodyCheck[];
  /** Acks a share of the owed messages and every other one (marking them acked in the ledger) and closes; call after checking `recovered`. */
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
        // Messages not owed (acked before, or never confirmed) are always acked, so each check counts only what came back since the last one.
        if (h.id === undefined || (ledger.state(h.id) === 'owed' && random() >= ackShare)) continue;
        ch.ack(h.message);
        ledger.acked(h.id);
        acked++;
      }
      // Closing the channel first: amqplib may send connection.close ahead of frames still queued on a channel, and the acks would be lost.
      await ch.close();
      await conn.close();
      return acked;
    },
  };
}
