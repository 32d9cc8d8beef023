import { EventEmitter } from 'node:events';
import type { ConfirmChannel } from 'amqplib';
import { describe, expect, it } from 'vitest';
import { publishProbe } from '../../../electron/backend/route/publish-probe.js';
import { ApiError } from '../../../shared/api/errors.js';

type Confirm = (err: Error | null) => void;

/** A confirm channel that records the publish and lets the test play the broker's answer. */
function fakeChannel(answer: (channel: EventEmitter, options: { messageId: string; headers: Record<string, unknown> }, confirm: Confirm) => void) {
  const channel = new EventEmitter();
  const published: unknown[] = [];
  Object.assign(channel, {
    publish(exchange: string, routingKey: string, body: Buffer, options: { messageId: string; headers: Record<string, unknown> }, confirm: Confirm) {
      published.push({ exchange, routingKey, body: body.toString(), options });
      queueMicrotask(() => answer(channel, options, confirm));
      return true;
    },
  });
  return { channel: channel as unknown as ConfirmChannel, published, emitter: channel };
}

const args = { vhost: '/', exchange: 'x', routingKey: 'k', headers: { tenant: 'a' } };

describe('publishProbe', () => {
  it('publishes mandatory, marked as a probe, and reads a return that came before the ack as returned', async () => {
    const { channel, published } = fakeChannel((ch, options, confirm) => {
      ch.emit('return', { fields: { replyCode: 312, replyText: 'NO_ROUTE' }, properties: { messageId: options.messageId } });
      confirm(null);
    });
    const result = await publishProbe(channel, args);
    expect(result).toMatchObject({ outcome: 'returned', replyCode: 312, replyText: 'NO_ROUTE' });
    expect(published[0]).toMatchObject({
      exchange: 'x',
      routingKey: 'k',
      options: { mandatory: true, messageId: result.messageId, headers: { tenant: 'a', 'x-warren-route-probe': true } },
    });
  });

  it("ignores another message's return", async () => {
    const { channel } = fakeChannel((ch, _options, confirm) => {
      ch.emit('return', { fields: { replyCode: 312, replyText: 'NO_ROUTE' }, properties: { messageId: 'someone-else' } });
      confirm(null);
    });
    expect((await publishProbe(channel, args)).outcome).toBe('routed');
  });

  it('reports a nack, and a channel the broker closed as refused with its code and words', async () => {
    const nacked = fakeChannel((_ch, _options, confirm) => confirm(new Error('message nacked')));
    expect((await publishProbe(nacked.channel, args)).outcome).toBe('nacked');

    const refused = fakeChannel((ch, _options, confirm) => {
      ch.emit('error', Object.assign(new Error(`Channel closed by server: 404 (NOT-FOUND) with message "NOT_FOUND - no exchange 'x' in vhost '/'"`), { code: 404 }));
      confirm(new Error('channel closed'));
    });
    expect(await publishProbe(refused.channel, args)).toMatchObject({ outcome: 'refused', replyCode: 404, replyText: "NOT_FOUND - no exchange 'x' in vhost '/'" });
  });

  it('gives up with the reason when the broker never answers, and leaves no listeners behind', async () => {
    const { channel, emitter } = fakeChannel(() => undefined);
    const failure = await publishProbe(channel, args, 30).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).message).toMatch(/did not confirm the probe/);
    expect(emitter.listenerCount('return') + emitter.listenerCount('error')).toBe(0);
  });
});
