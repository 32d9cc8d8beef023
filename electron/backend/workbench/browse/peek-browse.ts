import type { MessageProperties as AmqplibProperties } from 'amqplib';
import { z } from 'zod';
import type { ManagementClient } from '../../management/management-client.js';
import { queuePath } from '../../queue-actions/queue-paths.js';
import type { BrowsedMessage } from './held-browse-message.js';

/** One item of the embedded broker's peek answer (the shape of RabbitMQ's POST …/get items). */
const PeekedItem = z.object({
  payload: z.string(),
  payload_encoding: z.enum(['string', 'base64']),
  redelivered: z.boolean(),
  exchange: z.string(),
  routing_key: z.string(),
  // RabbitMQ's format writes empty properties as an empty list.
  properties: z.union([z.array(z.unknown()).length(0), z.record(z.string(), z.unknown())]),
});
const PeekAnswer = z.array(PeekedItem);

const PROPERTY_NAMES: Record<string, keyof AmqplibProperties> = {
  content_type: 'contentType',
  content_encoding: 'contentEncoding',
  delivery_mode: 'deliveryMode',
  priority: 'priority',
  correlation_id: 'correlationId',
  reply_to: 'replyTo',
  expiration: 'expiration',
  message_id: 'messageId',
  timestamp: 'timestamp',
  type: 'type',
  user_id: 'userId',
  app_id: 'appId',
  cluster_id: 'clusterId',
  headers: 'headers',
};

/** The management API's property names → amqplib's, so a peeked message is kept like a delivered one. */
export function amqplibPropertiesOf(json: z.infer<typeof PeekedItem>['properties']): AmqplibProperties {
  const out: Record<string, unknown> = {};
  if (Array.isArray(json)) return out as unknown as AmqplibProperties;
  for (const [key, value] of Object.entries(json)) {
    const name = PROPERTY_NAMES[key];
    if (name !== undefined) out[name] = value;
  }
  return out as unknown as AmqplibProperties;
}

/** The first `count` messages through the embedded broker's side-effect-free peek; bodies come base64, byte for byte. */
export async function peekMessages(management: ManagementClient, vhost: string, queue: string, count: number): Promise<BrowsedMessage[]> {
  const { json } = await management.send({ method: 'GET', path: `${queuePath(vhost, queue)}/peek`, query: { count, encoding: 'base64' } });
  const parsed = PeekAnswer.safeParse(json);
  if (!parsed.success) throw new Error(`Unexpected answer from the broker's peek: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.map((item) => ({
    exchange: item.exchange,
    routingKey: item.routing_key,
    redelivered: item.redelivered,
    properties: amqplibPropertiesOf(item.properties),
    body: item.payload_encoding === 'base64' ? Buffer.from(item.payload, 'base64') : Buffer.from(item.payload, 'utf8'),
  }));
}
