import { fieldTypeName, isTypedFieldValue, unwrapFieldValue } from './field-values.js';
import type { FieldTable } from './model.js';

/**
 * Sender-selected distribution (rabbit_basic:header_routes): a message is
 * routed on its routing key plus every longstr in its CC and BCC header
 * arrays, all at once (an alternate exchange is used only when none of the
 * keys matched). The broker strips BCC before delivery.
 */
export const ROUTING_HEADERS = ['CC', 'BCC'] as const;

export type RoutingKeys = { readonly keys: string[] } | { readonly error: string };

/**
 * The keys to route on, or RabbitMQ's reason for refusing the message when
 * CC or BCC is not an array (the broker answers PRECONDITION_FAILED -
 * "invalid message: " + reason, a channel error). Array elements that are
 * not strings are skipped, as RabbitMQ skips non-longstr elements.
 */
export function messageRoutingKeys(routingKey: string, headers: FieldTable | undefined): RoutingKeys {
  const keys = [routingKey];
  for (const name of ROUTING_HEADERS) {
    if (headers === undefined || !Object.prototype.hasOwnProperty.call(headers, name)) continue;
    const raw = headers[name];
    const value = unwrapFieldValue(raw);
    if (!Array.isArray(value) || (isTypedFieldValue(raw) && raw.type !== 'A')) {
      return { error: `{unacceptable_type_in_header,"${name}",${fieldTypeName(raw)}}` };
    }
    for (const item of value) {
      if (isTypedFieldValue(item) ? item.type === 'S' && typeof item.value === 'string' : typeof item === 'string') {
        keys.push(unwrapFieldValue(item) as string);
      }
    }
  }
  return { keys };
}
