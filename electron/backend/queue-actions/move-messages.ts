import type { ConfirmChannel, GetMessage, Options } from 'amqplib';
import { ApiError } from '../../../shared/api/errors.js';
import type { QueueMoveProgress, QueueMoveResult } from '../../../shared/model/queue-actions.js';

export interface MoveOptions {
  source: string;
  target: string;
  /** Aborting stops after the batch in flight is confirmed and acked: nothing is moved twice. */
  signal?: AbortSignal;
  /** Messages taken from the source before waiting for the target's confirms. */
  batchSize?: number;
  onProgress?: (progress: Omit<QueueMoveProgress, 'moveId'>) => void;
}

const DEFAULT_BATCH = 200;

/**
 * The message's properties as a publish would set them. CC and BCC are
 * dropped: they already did their routing when the message was first
 * published, and kept they would copy it into those queues again.
 */
function republishOptions(message: GetMessage): Options.Publish {
  const { headers, ...properties } = message.properties;
  const kept = { ...(headers ?? {}) };
  delete kept['CC'];
  delete kept['BCC'];
  return { ...properties, headers: kept, mandatory: true };
}

/**
 * Moves every message of `source` to `target` in the same vhost, at least
 * once and never lost: each batch is taken with manual ack, published to the
 * target (mandatory, on a confirm channel), and acked on the source only once
 * the target's broker confirmed all of it. A refusal or a returned message
 * puts the batch back on the source; an interruption (lost connection, closed
 * channel) lets the broker requeue what was not acked. Runs until the source
 * is empty, so messages that arrive meanwhile move too.
 */
export async function moveMessages(channel: ConfirmChannel, options: MoveOptions): Promise<QueueMoveResult> {
  const { source, target, signal } = options;
  if (source === target) throw new ApiError('invalid_args', 'The target is the source queue: choose another queue');
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  // Passive checks first: publishing to a missing queue through the default exchange would drop the message.
  const { messageCount: total } = await check(channel, source);
  await check(channel, target);

  let returned = 0;
  const onReturn = (): void => {
    returned += 1;
  };
  channel.on('return', onReturn);
  let moved = 0;
  try {
    options.onProgress?.({ moved, total });
    while (!signal?.aborted) {
      const batch: GetMessage[] = [];
      while (batch.length < batchSize) {
        const message = await channel.get(source, { noAck: false });
        if (message === false) break;
        batch.push(message);
      }
      const last = batch.at(-1);
      if (last === undefined) return { moved, outcome: 'done' };
      for (const message of batch) channel.publish('', target, message.content, republishOptions(message));
      try {
        await channel.waitForConfirms();
      } catch {
        channel.nack(last, true, true);
        throw new ApiError('broker', `The broker refused messages published to “${target}”; they are back on “${source}” (${moved} moved before)`);
      }
      // A return comes before its confirm, so by now every return of this batch has arrived.
      if (returned > 0) {
        channel.nack(last, true, true);
        throw new ApiError('broker', `“${target}” no longer takes messages (returned unroutable); they are back on “${source}” (${moved} moved before)`);
      }
      channel.ack(last, true);
      moved += batch.length;
      options.onProgress?.({ moved, total });
    }
    return { moved, outcome: 'cancelled' };
  } finally {
    channel.off('return', onReturn);
  }
}

async function check(channel: ConfirmChannel, queue: string): Promise<{ messageCount: number }> {
  try {
    return await channel.checkQueue(queue);
  } catch (err) {
    const missing = err instanceof Error && /NOT_FOUND|404/.test(err.message);
    throw new ApiError(missing ? 'not_found' : 'broker', missing ? `No queue “${queue}” in this vhost` : err instanceof Error ? err.message : String(err));
  }
}
