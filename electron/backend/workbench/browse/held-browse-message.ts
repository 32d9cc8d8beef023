import type { MessageProperties as AmqplibProperties } from 'amqplib';
import type { ReceivedMessage } from '../../../../shared/model/workbench/message.js';
import { fromAmqplibProperties } from '../codec/properties.js';
import { previewOf } from '../codec/wire-bytes.js';
import type { HeldMessage } from '../held-messages.js';

/** What a browse read of one message, in amqplib's terms whichever way it was read. */
export interface BrowsedMessage {
  exchange: string;
  routingKey: string;
  redelivered: boolean;
  properties: AmqplibProperties;
  body: Buffer;
}

/** A browsed message as the page shows it (preview cut to `previewLimit`) and as the backend keeps it (whole). */
export function heldBrowseMessage(seq: number, read: BrowsedMessage, receivedAt: number, previewLimit: number): HeldMessage {
  const { properties, headers } = fromAmqplibProperties(read.properties);
  const { preview, truncated } = previewOf(read.body, previewLimit);
  const message: ReceivedMessage = {
    seq,
    receivedAt,
    exchange: read.exchange,
    routingKey: read.routingKey,
    redelivered: read.redelivered,
    pending: false,
    properties,
    headers,
    size: read.body.length,
    preview,
    truncated,
  };
  return {
    message,
    body: read.body,
    raw: {
      fields: { exchange: read.exchange, routingKey: read.routingKey, redelivered: read.redelivered },
      properties: read.properties as unknown as Record<string, unknown>,
    },
  };
}
