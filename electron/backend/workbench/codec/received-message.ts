import type { Message } from 'amqplib';
import { PREVIEW_BYTES, type ReceivedMessage } from '../../../../shared/model/workbench/message.js';
import type { HeldMessage } from '../held-messages.js';
import { fromAmqplibProperties } from './properties.js';
import { previewOf } from './wire-bytes.js';

/**
 * A delivery, a basic.get or a reply as the workbench keeps it: what the page shows (typed
 * headers, a preview cut at PREVIEW_BYTES) and, for the backend, the whole body and amqplib's
 * fields and properties as they came.
 */
export function heldMessage(message: Message, seq: number, receivedAt: number, pending: boolean): HeldMessage {
  const fields = message.fields as unknown as { exchange: string; routingKey: string; redelivered?: boolean };
  const { properties, headers } = fromAmqplibProperties(message.properties);
  const { preview, truncated } = previewOf(message.content, PREVIEW_BYTES);
  const shown: ReceivedMessage = {
    seq,
    receivedAt,
    exchange: fields.exchange,
    routingKey: fields.routingKey,
    redelivered: fields.redelivered ?? false,
    pending,
    properties,
    headers,
    size: message.content.length,
    preview,
    truncated,
  };
  return {
    message: shown,
    body: message.content,
    raw: { fields: { ...message.fields } as Record<string, unknown>, properties: { ...message.properties } as Record<string, unknown> },
  };
}
