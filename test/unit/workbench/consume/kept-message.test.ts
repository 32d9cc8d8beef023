import type { ConsumeMessage } from 'amqplib';
import { describe, expect, it } from 'vitest';
import { keptMessage, previewLimitFor, receivedView } from '../../../../electron/backend/workbench/consume/kept-message.js';
import { PREVIEW_BYTES } from '../../../../shared/model/workbench/message.js';

const delivery = (content: Buffer): ConsumeMessage =>
  ({
    content,
    fields: { deliveryTag: 7, redelivered: false, exchange: 'x', routingKey: 'k', consumerTag: 'c' },
    properties: { headers: { n: 1 }, contentType: 'text/plain' },
  }) as unknown as ConsumeMessage;

describe('kept message', () => {
  it('shares a preview budget among a batch: one message gets the full preview, thousands get a short one', () => {
    expect(previewLimitFor(1)).toBe(PREVIEW_BYTES);
    expect(previewLimitFor(2000)).toBe(1048);
    expect(previewLimitFor(100_000)).toBe(256);
  });

  it('shows a body cut to the limit as truncated, and keeps the whole body', () => {
    const kept = keptMessage(1, delivery(Buffer.alloc(5000, 'a')), true, 1000);
    const shown = receivedView(kept, 300);
    expect(shown).toMatchObject({ seq: 1, pending: true, size: 5000, truncated: true, exchange: 'x', routingKey: 'k', headers: { n: { type: 'int', value: 1 } } });
    expect(shown.preview.data).toHaveLength(300);
    expect(kept.body.length).toBe(5000);
  });

  it('copies a small body out of a larger read buffer, so it does not keep the buffer alive', () => {
    const chunk = Buffer.alloc(64 * 1024, 'b');
    const kept = keptMessage(1, delivery(chunk.subarray(100, 300)), false, 0);
    expect(kept.body.buffer).not.toBe(chunk.buffer);
    expect(kept.body.toString()).toBe('b'.repeat(200));
    expect(kept.settled).toBe('auto');
  });
});
