import { describe, expect, it } from 'vitest';
import { SENT_BODY_BYTES, SENT_HISTORY_BODY_BYTES, SENT_HISTORY_ENTRIES, addSent, sentEntry } from '../../../../electron/backend/workbench/publish/sent-history.js';
import type { PublishMessage, SentMessage } from '../../../../shared/model/workbench/publish.js';
import { SentMessage as SentMessageSchema } from '../../../../shared/model/workbench/publish.js';

const message: PublishMessage = {
  vhost: '/',
  exchange: '',
  routingKey: 'q',
  properties: {},
  headers: {},
  body: { kind: 'upload', uploadId: 'u1' },
  mandatory: true,
  confirm: true,
  templated: false,
};
const rest = { repeat: { mode: 'once' as const }, counts: { sent: 1, confirmed: 1, returned: 0, nacked: 0, unconfirmed: 0 }, status: 'done' as const };
const entry = (id: string, body: Buffer): SentMessage => sentEntry(id, 1, message, body, rest);

describe('sent history', () => {
  it('keeps a small body whole, as text or as base64 when binary', () => {
    const text = entry('a', Buffer.from('héllo'));
    expect(text.message.body).toEqual({ encoding: 'utf8', data: 'héllo' });
    expect(text).toMatchObject({ bodySize: 6, bodyTruncated: false });
    const binary = entry('b', Buffer.from([0, 1, 255]));
    expect(binary.message.body).toEqual({ encoding: 'base64', data: 'AAH/' });
    expect(SentMessageSchema.safeParse(binary).success).toBe(true);
  });

  it('cuts a body above the limit at a character boundary and marks it', () => {
    const body = Buffer.from('é'.repeat(SENT_BODY_BYTES));
    const kept = entry('a', body);
    expect(kept).toMatchObject({ bodySize: body.length, bodyTruncated: true });
    expect(kept.message.body.encoding).toBe('utf8');
    expect(Buffer.byteLength(kept.message.body.data)).toBe(SENT_BODY_BYTES);
  });

  it('puts the newest first and keeps at most the entry limit', () => {
    let history: SentMessage[] = [];
    for (let i = 0; i < SENT_HISTORY_ENTRIES + 20; i++) history = addSent(history, entry(`e${i}`, Buffer.from('x')));
    expect(history).toHaveLength(SENT_HISTORY_ENTRIES);
    expect(history[0]?.id).toBe(`e${SENT_HISTORY_ENTRIES + 19}`);
    expect(history.at(-1)?.id).toBe('e20');
  });

  it('drops the oldest entries once the kept bodies add up to the size limit', () => {
    let history: SentMessage[] = [];
    const big = Buffer.alloc(SENT_BODY_BYTES, 'a');
    for (let i = 0; i < 100; i++) history = addSent(history, entry(`e${i}`, big));
    expect(history).toHaveLength(SENT_HISTORY_BODY_BYTES / SENT_BODY_BYTES);
    expect(history[0]?.id).toBe('e99');
  });
});
