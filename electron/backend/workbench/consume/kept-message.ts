import type { ConsumeMessage, MessageProperties as AmqplibProperties } from 'amqplib';
import { PREVIEW_BYTES, type ReceivedMessage } from '../../../../shared/model/workbench/message.js';
import { fromAmqplibProperties } from '../codec/properties.js';
import { previewOf } from '../codec/wire-bytes.js';
import type { HeldMessage } from '../held-messages.js';
import type { BudgetedBody } from './body-budget.js';
import type { Buffered } from './message-buffer.js';

/** How a manual-ack message was settled; 'requeued' means the channel closed and the broker took it back. */
export type Settlement = 'auto' | 'ack' | 'nack-requeue' | 'nack' | 'reject-requeue' | 'reject' | 'requeued';

/**
 * A delivery as a consumer keeps it: amqplib's fields and properties untouched (copies are
 * republished from them) and the body; the page's view of it is built only when asked,
 * so a delivery costs no decoding unless it is shown.
 */
export interface KeptMessage extends Buffered, BudgetedBody {
  readonly receivedAt: number;
  readonly size: number;
  readonly deliveryTag: number;
  readonly fields: ConsumeMessage['fields'];
  readonly properties: AmqplibProperties;
  settled: Settlement | null;
}

/**
 * amqplib hands a one-frame body over as a view into the socket's read buffer; kept as it is,
 * one small pending message would hold the whole chunk (and its neighbours) in memory.
 */
const ownBytes = (body: Buffer): Buffer => (body.buffer.byteLength > Math.max(2 * body.length, 8192) ? Buffer.from(body) : body);

export function keptMessage(seq: number, msg: ConsumeMessage, manual: boolean, now: number): KeptMessage {
  return {
    seq,
    receivedAt: now,
    size: msg.content.length,
    deliveryTag: msg.fields.deliveryTag,
    fields: msg.fields,
    properties: msg.properties,
    body: ownBytes(msg.content),
    whole: true,
    pending: manual,
    settled: manual ? null : 'auto',
  };
}

/** What the page shows, with at most `previewLimit` bytes of the body. */
export function receivedView(entry: KeptMessage, previewLimit = PREVIEW_BYTES): ReceivedMessage {
  const { properties, headers } = fromAmqplibProperties(entry.properties);
  const { preview, truncated } = previewOf(entry.body, Math.min(previewLimit, PREVIEW_BYTES));
  return {
    seq: entry.seq,
    receivedAt: entry.receivedAt,
    exchange: entry.fields.exchange,
    routingKey: entry.fields.routingKey,
    redelivered: entry.fields.redelivered,
    pending: entry.pending,
    properties,
    headers,
    size: entry.size,
    preview,
    truncated: truncated || !entry.whole,
  };
}

export function heldView(entry: KeptMessage, previewLimit?: number): HeldMessage {
  return {
    message: receivedView(entry, previewLimit),
    body: entry.whole ? entry.body : null,
    raw: { fields: entry.fields as unknown as Record<string, unknown>, properties: entry.properties as unknown as Record<string, unknown> },
  };
}

/**
 * Events and list answers share this many preview bytes among their messages: the web
 * transport holds back events for a page once 8 MiB wait unsent, so one batch stays well under
 * that. A message cut shorter than PREVIEW_BYTES says `truncated`; messageBody has the rest.
 */
const PREVIEW_BUDGET_BYTES = 2 * 1024 * 1024;
const MIN_PREVIEW_BYTES = 256;

export function previewLimitFor(count: number): number {
  return Math.max(MIN_PREVIEW_BYTES, Math.min(PREVIEW_BYTES, Math.floor(PREVIEW_BUDGET_BYTES / Math.max(1, count))));
}
