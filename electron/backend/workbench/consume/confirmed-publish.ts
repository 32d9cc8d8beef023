import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import type { VhostChannel } from './vhost-channel.js';

export interface Outgoing {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: Options.Publish;
}

/** null: confirmed by the broker and not returned; otherwise why not. */
export type PublishOutcome = string | null;

/** At most this many messages, or bytes, wait for their confirms at once. */
export const WINDOW_MESSAGES = 256;
export const WINDOW_BYTES = 8 * 1024 * 1024;

/** Splits work into windows of at most WINDOW_MESSAGES items and WINDOW_BYTES bytes (one oversized item still goes alone). */
export function windows<T>(items: T[], sizeOf: (item: T) => number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && (current.length >= WINDOW_MESSAGES || bytes + size > WINDOW_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Publishes a window of messages, mandatory, and waits for every confirm. A message the
 * broker returned (no queue took it) or nacked, or one in flight when the channel closed,
 * gets its reason. The broker sends a basic.return before the confirm of the same message,
 * so returns are matched to the first unconfirmed message with the same exchange, key and body.
 */
export async function publishConfirmed(channel: ConfirmChannel, batch: Outgoing[], closedWith: () => string | null): Promise<PublishOutcome[]> {
  const outcomes: PublishOutcome[] = batch.map(() => null);
  const confirmed = batch.map(() => false);
  const onReturn = (msg: ConsumeMessage) => {
    const index = batch.findIndex(
      (out, i) => !confirmed[i] && outcomes[i] === null && out.exchange === msg.fields.exchange && out.routingKey === msg.fields.routingKey && out.content.equals(msg.content),
    );
    const fields = msg.fields as ConsumeMessage['fields'] & { replyCode?: number; replyText?: string };
    if (index >= 0) outcomes[index] = `returned by the broker: ${fields.replyCode ?? 312} ${fields.replyText ?? 'NO_ROUTE'} (no queue took it)`;
  };
  channel.on('return', onReturn);
  try {
    await Promise.all(
      batch.map(
        (out, i) =>
          new Promise<void>((resolve) => {
            const done = (err: unknown) => {
              confirmed[i] = true;
              if (err !== null && err !== undefined && outcomes[i] === null) {
                const nacked = err instanceof Error && err.message === 'message nacked';
                outcomes[i] = nacked ? 'the broker refused it (nack)' : `the channel closed before the broker confirmed it${closedWith() ? `: ${closedWith()}` : ''}`;
              }
              resolve();
            };
            try {
              channel.publish(out.exchange, out.routingKey, out.content, { ...out.options, mandatory: true }, done);
            } catch (err) {
              // Thrown before anything was sent: the channel is closed, or amqplib cannot encode the properties.
              const closed = closedWith();
              outcomes[i] = closed ? `the channel is closed: ${closed}` : `not published: ${err instanceof Error ? err.message : String(err)}`;
              confirmed[i] = true;
              resolve();
            }
          }),
      ),
    );
  } finally {
    channel.off('return', onReturn);
  }
  return outcomes;
}

/**
 * The message's own properties for a republish. CC and BCC are dropped: they did their
 * routing when it was first published, and kept they would copy it there again.
 */
export function republishOptions(properties: Record<string, unknown>): Options.Publish {
  const { headers, ...rest } = properties as { headers?: Record<string, unknown> };
  const kept = { ...(headers ?? {}) };
  delete kept['CC'];
  delete kept['BCC'];
  const options: Record<string, unknown> = { headers: kept };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== null) options[key] = value;
  return options as Options.Publish;
}

/**
 * Publishes every item's message window by window, handing each outcome over as it is
 * confirmed (so a move acks its source then); stops between windows once `signal` aborts.
 */
export async function publishAll<T extends { out: Outgoing }>(
  publisher: VhostChannel,
  items: T[],
  onOutcome: (item: T, outcome: PublishOutcome) => void,
  options: { signal?: AbortSignal; onWindow?: () => void } = {},
): Promise<'done' | 'cancelled'> {
  for (const window of windows(items, (item) => item.out.content.length)) {
    if (options.signal?.aborted) return 'cancelled';
    const outcomes = await publishConfirmed(
      publisher.channel,
      window.map((item) => item.out),
      publisher.closedWith,
    );
    window.forEach((item, i) => onOutcome(item, outcomes[i] ?? null));
    options.onWindow?.();
  }
  return 'done';
}
