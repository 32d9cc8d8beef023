import type { FieldTable } from '../../../../shared/model/workbench/field-value.js';
import type { ReceivedMessage } from '../../../../shared/model/workbench/message.js';

/** A delivery as the backend sends it, with a UTF-8 body. */
export function message(seq: number, body: string, overrides: Partial<ReceivedMessage> = {}): ReceivedMessage {
  return {
    seq,
    receivedAt: Date.UTC(2026, 10, 22, 14, 3, 27) + seq,
    exchange: 'orders',
    routingKey: `order.${seq}`,
    redelivered: false,
    pending: false,
    properties: {},
    headers: {} as FieldTable,
    size: new TextEncoder().encode(body).length,
    preview: { encoding: 'utf8', data: body },
    truncated: false,
    ...overrides,
  };
}
