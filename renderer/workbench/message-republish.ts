import { MessageProperties, type ReceivedMessage, type WireBytes } from '../../shared/model/workbench/message.js';
import type { PublishDraft } from './publish-draft.js';

/**
 * A received message as a Publish form: where it was published, its headers
 * and body as they are, and each property the Publish form can send. A
 * property another client set outside what Warren publishes (delivery mode 0,
 * a non-numeric expiration) is left out rather than refused.
 */
export function republishDraft(vhost: string, message: ReceivedMessage, body: WireBytes): { draft: PublishDraft; dropped: string[] } {
  const properties: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(message.properties)) {
    const candidate = { [key]: value };
    if (MessageProperties.safeParse(candidate).success) properties[key] = value;
    else dropped.push(key);
  }
  return {
    draft: { vhost, exchange: message.exchange, routingKey: message.routingKey, properties: properties as MessageProperties, headers: message.headers, body },
    dropped,
  };
}
