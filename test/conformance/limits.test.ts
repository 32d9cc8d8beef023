import { expect, it } from 'vitest';
import {
  contentHeader, describeFrame, frame, FRAME_BODY, method, PROTOCOL_HEADER, RawAmqp, shortstr, u16, u32, u8, type Frame,
} from './support/raw-amqp.js';
import { forEachTarget } from './support/targets.js';

/**
 * Issue #4, limits: the channel_max a client negotiated, and RabbitMQ 3.10's
 * default max_message_size of 128 MiB (frame_max is covered in
 * protocol-errors.test.ts).
 */
forEachTarget((ctx) => {
  /** Handshake with tune-ok lowering channel_max to `channelMax`. */
  async function openWithChannelMax(channelMax: number): Promise<RawAmqp> {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    raw.send(PROTOCOL_HEADER);
    await raw.expectMethod(10, 10);
    raw.sendStartOk({ capabilities: { authentication_failure_close: true } });
    const tune = await raw.expectMethod(10, 30);
    raw.send(method(0, 10, 31, u16(channelMax), u32(tune.payload.readUInt32BE(6)), u16(0)));
    raw.send(method(0, 10, 40, shortstr('/'), shortstr(''), u8(0)));
    await raw.expectMethod(10, 41);
    return raw;
  }

  /** The class and method a close names as the cause, after its reply code and text. */
  function causeOf(f: Frame): string {
    const o = 7 + f.payload.readUInt8(6);
    return `${f.payload.readUInt16BE(o)}.${f.payload.readUInt16BE(o + 2)}`;
  }

  it('counts open channels against the negotiated channel_max, not channel numbers, and closes the connection with 530 beyond it', async () => {
    const raw = await openWithChannelMax(2);
    try {
      // Channel numbers above channel_max are accepted: rabbit_reader:create_channel compares the count.
      raw.send(method(7, 20, 10, shortstr('')));
      await raw.expectMethod(20, 11);
      raw.send(method(1, 20, 10, shortstr('')));
      await raw.expectMethod(20, 11);
      raw.send(method(3, 20, 10, shortstr('')));
      const close = await raw.next();
      expect(describeFrame(close)).toBe('close 10.50 530 NOT_ALLOWED - number of channels opened (2) has reached the negotiated channel_max (2)');
      expect(causeOf(close!)).toBe('0.0');
    } finally {
      raw.destroy();
    }
  });

  it('refuses a message one byte over 128 MiB with 406 on its channel, and the connection carries on', async () => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      await raw.handshake();
      raw.send(method(1, 20, 10, shortstr('')));
      await raw.expectMethod(20, 11);
      const size = 134_217_728 + 1;
      raw.send(method(1, 60, 40, u16(0), shortstr(''), shortstr('warren-limits-nowhere'), u8(0)), contentHeader(1, size));
      // RabbitMQ reads the whole body before refusing it; the embedded broker refuses at the header and ignores the body frames.
      const chunk = 131_072 - 8;
      const body = Buffer.alloc(chunk);
      for (let sent = 0; sent < size; sent += chunk) raw.send(frame(FRAME_BODY, 1, sent + chunk <= size ? body : body.subarray(0, size - sent)));
      const close = await raw.next(60_000);
      expect(describeFrame(close)).toBe('close 20.40 406 PRECONDITION_FAILED - message size 134217729 is larger than configured max size 134217728');
      expect(causeOf(close!)).toBe('60.40');
      raw.send(method(1, 20, 41));
      raw.send(method(1, 20, 10, shortstr('')));
      await raw.expectMethod(20, 11);
    } finally {
      raw.destroy();
    }
  }, 90_000);
});
