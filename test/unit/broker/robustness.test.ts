// Bad input on raw sockets: the offending connection gets RabbitMQ's error
// (codes and texts captured from RabbitMQ 3.10.8) and is closed; the broker
// and other connections carry on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../../electron/broker/main.js';
import { testBroker } from './support/broker.js';
import { PROTOCOL_HEADER, RawClient } from './support/raw-amqp.js';

let broker: RunningBroker;
beforeAll(async () => {
  broker = await testBroker();
});
afterAll(async () => {
  await broker.close();
});

async function connectionClose(c: RawClient) {
  const close = await c.waitMethod('connection.close');
  return { code: close.args.replyCode, text: close.args.replyText, classId: close.args.classId, methodId: close.args.methodId };
}

async function openClient(): Promise<RawClient> {
  const c = await RawClient.open(broker.port);
  await c.handshake();
  await c.openChannel(1);
  return c;
}

describe('bad input', () => {
  it('answers garbage instead of a protocol header with the AMQP 0-9-1 header and closes', async () => {
    const c = await RawClient.open(broker.port);
    c.send(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    expect(await c.until(() => c.closed)).toBe(true);
    expect(Buffer.concat(c.received)).toEqual(PROTOCOL_HEADER);
  });

  it('answers another protocol version with our header', async () => {
    const c = await RawClient.open(broker.port);
    c.send(Buffer.from('AMQP\x01\x01\x00\x0a', 'latin1'));
    expect(await c.until(() => c.closed)).toBe(true);
    expect(Buffer.concat(c.received)).toEqual(PROTOCOL_HEADER);
  });

  it('closes with 501 on a wrong frame end byte', async () => {
    const c = await openClient();
    c.send(Buffer.from([1, 0, 1, 0, 0, 0, 5, 0, 20, 0, 10, 0, 0x11]));
    expect(await connectionClose(c)).toEqual({
      code: 501, text: 'FRAME_ERROR - type 1, all octets = <<0,20,0,10,0>>: {invalid_frame_end_marker,17}', classId: 0, methodId: 0,
    });
    expect(await c.until(() => c.closed)).toBe(true);
  });

  it('closes with 501 on a frame larger than the negotiated frame_max', async () => {
    const c = await RawClient.open(broker.port);
    await c.handshake({ frameMax: 4096 });
    const head = Buffer.alloc(7);
    head[0] = 3;
    head.writeUInt16BE(1, 1);
    head.writeUInt32BE(5000, 3);
    c.send(head);
    expect(await connectionClose(c)).toEqual({
      code: 501, text: 'FRAME_ERROR - type 3, all octets = <<>>: {frame_too_large,5000,4088}', classId: 0, methodId: 0,
    });
  });

  it('closes with 501 on an unknown frame type', async () => {
    const c = await openClient();
    c.send(Buffer.from([7, 0, 0, 0, 0, 0, 0, 0xce]));
    expect((await connectionClose(c)).text).toBe('FRAME_ERROR - type 7, all octets = <<>>: unknown_frame');
  });

  it('closes with 501 when method arguments are truncated', async () => {
    const c = await openClient();
    c.send(Buffer.from([1, 0, 1, 0, 0, 0, 6, 0, 50, 0, 10, 0, 0, 0xce]));
    expect(await connectionClose(c)).toEqual({ code: 501, text: 'FRAME_ERROR - cannot decode <<0,0>>', classId: 50, methodId: 10 });
  });

  it('closes with 504 on a method on an unopened channel', async () => {
    const c = await RawClient.open(broker.port);
    await c.handshake();
    c.sendMethod(3, 'queue.declare', {
      ticket: 0, queue: 'x', passive: false, durable: false, exclusive: false, autoDelete: false, nowait: false, arguments: {},
    });
    expect(await connectionClose(c)).toEqual({ code: 504, text: "CHANNEL_ERROR - expected 'channel.open'", classId: 50, methodId: 10 });
  });

  it('closes with 504 on a second channel.open', async () => {
    const c = await openClient();
    c.sendMethod(1, 'channel.open', { outOfBand: '' });
    expect(await connectionClose(c)).toEqual({ code: 504, text: "CHANNEL_ERROR - second 'channel.open' seen", classId: 20, methodId: 10 });
  });

  it('closes with 505 on a content header without a method', async () => {
    const c = await openClient();
    c.send(Buffer.from([2, 0, 1, 0, 0, 0, 14, 0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xce]));
    expect(await connectionClose(c)).toEqual({
      code: 505, text: 'UNEXPECTED_FRAME - expected method frame, got non method frame instead', classId: 0, methodId: 0,
    });
  });

  it('closes with 505 on a method where a content header was due', async () => {
    const c = await openClient();
    c.sendMethod(1, 'basic.publish', { ticket: 0, exchange: '', routingKey: 'q', mandatory: false, immediate: false });
    c.sendMethod(1, 'basic.qos', { prefetchSize: 0, prefetchCount: 1, global: false });
    expect(await connectionClose(c)).toEqual({
      code: 505, text: 'UNEXPECTED_FRAME - expected content header for class 60, got non content header frame instead', classId: 60, methodId: 40,
    });
  });

  it('closes with 505 on a heartbeat on a non-zero channel', async () => {
    const c = await openClient();
    c.send(Buffer.from([8, 0, 1, 0, 0, 0, 0, 0xce]));
    expect((await connectionClose(c)).text).toBe('UNEXPECTED_FRAME - type 8, all octets = <<>>');
  });

  it('closes with 505 on a channel method before connection.open', async () => {
    const c = await RawClient.open(broker.port);
    c.send(PROTOCOL_HEADER);
    await c.waitMethod('connection.start');
    c.sendMethod(0, 'connection.start-ok', { clientProperties: {}, mechanism: 'PLAIN', response: Buffer.from('\0guest\0guest'), locale: 'en_US' });
    await c.waitMethod('connection.tune');
    c.sendMethod(0, 'connection.tune-ok', { channelMax: 2047, frameMax: 131072, heartbeat: 0 });
    c.sendMethod(1, 'channel.open', { outOfBand: '' });
    expect((await connectionClose(c)).text).toBe('UNEXPECTED_FRAME - type 1, all octets = <<0,20,0,10,0>>');
  });

  it('closes with 504 on a channel-class method on channel 0', async () => {
    const c = await RawClient.open(broker.port);
    await c.handshake();
    c.sendMethod(0, 'queue.declare', {
      ticket: 0, queue: 'x', passive: false, durable: false, exclusive: false, autoDelete: false, nowait: false, arguments: {},
    });
    expect(await connectionClose(c)).toEqual({
      code: 504, text: 'CHANNEL_ERROR - unexpected method in connection state running', classId: 50, methodId: 10,
    });
  });

  it('refuses a missing vhost with 530', async () => {
    const c = await RawClient.open(broker.port);
    c.send(PROTOCOL_HEADER);
    await c.waitMethod('connection.start');
    c.sendMethod(0, 'connection.start-ok', { clientProperties: {}, mechanism: 'PLAIN', response: Buffer.from('\0guest\0guest'), locale: 'en_US' });
    await c.waitMethod('connection.tune');
    c.sendMethod(0, 'connection.tune-ok', { channelMax: 2047, frameMax: 131072, heartbeat: 0 });
    c.sendMethod(0, 'connection.open', { virtualHost: 'nope', capabilities: '', insist: false });
    expect(await connectionClose(c)).toEqual({ code: 530, text: 'NOT_ALLOWED - vhost nope not found', classId: 10, methodId: 40 });
  });

  it('sends 403 on bad credentials only to clients announcing authentication_failure_close', async () => {
    for (const announce of [true, false]) {
      const c = await RawClient.open(broker.port);
      c.send(PROTOCOL_HEADER);
      await c.waitMethod('connection.start');
      const capabilities = { type: 'F' as const, value: { authentication_failure_close: { type: 't' as const, value: announce } } };
      c.sendMethod(0, 'connection.start-ok', {
        clientProperties: { capabilities }, mechanism: 'PLAIN', response: Buffer.from('\0guest\0wrong'), locale: 'en_US',
      });
      expect(await c.until(() => c.closed)).toBe(true);
      const closes = c.methods().filter((m) => m.name === 'connection.close');
      if (announce) {
        expect(closes.map((m) => m.args)).toEqual([{
          replyCode: 403,
          replyText: 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.',
          classId: 0, methodId: 0,
        }]);
      } else {
        expect(closes).toEqual([]);
      }
    }
  });

  it('accepts AMQPLAIN', async () => {
    const { encodeFieldTable } = await import('../../../electron/broker/protocol/field-table.js');
    const c = await RawClient.open(broker.port);
    c.send(PROTOCOL_HEADER);
    await c.waitMethod('connection.start');
    const table = encodeFieldTable({ LOGIN: { type: 'S', value: 'guest' }, PASSWORD: { type: 'S', value: 'guest' } });
    c.sendMethod(0, 'connection.start-ok', { clientProperties: {}, mechanism: 'AMQPLAIN', response: table.subarray(4), locale: 'en_US' });
    await c.waitMethod('connection.tune');
    c.sendMethod(0, 'connection.tune-ok', { channelMax: 2047, frameMax: 131072, heartbeat: 0 });
    c.sendMethod(0, 'connection.open', { virtualHost: '/', capabilities: '', insist: false });
    await c.waitMethod('connection.open-ok');
    c.close();
  });

  it('keeps serving other connections while one misbehaves', async () => {
    const good = await openClient();
    const bad = await openClient();
    bad.send(Buffer.from([1, 0, 1, 0, 0, 0, 5, 0, 20, 0, 10, 0, 0x11]));
    await connectionClose(bad);
    good.sendMethod(1, 'queue.declare', {
      ticket: 0, queue: '', passive: false, durable: false, exclusive: true, autoDelete: false, nowait: false, arguments: {},
    });
    const ok = await good.waitMethod('queue.declare-ok');
    expect(ok.args.queue).toMatch(/^amq\.gen-[A-Za-z0-9_-]{22}$/);
    good.close();
  });

  it('drops a peer that misses two heartbeat intervals', async () => {
    const c = await RawClient.open(broker.port);
    await c.handshake({ heartbeat: 1 });
    const t0 = Date.now();
    expect(await c.until(() => c.closed, 4000)).toBe(true);
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    // It also sent heartbeats while waiting.
    expect(c.frames.some((f) => f.type === 8)).toBe(true);
  });
});

describe('oversized messages', () => {
  it('closes the channel at the content header when the body would exceed 128 MiB, and ignores its body frames', async () => {
    const c = await openClient();
    c.sendMethod(1, 'basic.publish', { ticket: 0, exchange: '', routingKey: 'x', mandatory: false, immediate: false });
    // body size 200 MiB
    c.send(Buffer.from([2, 0, 1, 0, 0, 0, 14, 0, 60, 0, 0, 0, 0, 0, 0, 0x0c, 0x80, 0, 0, 0, 0, 0xce]));
    c.send(Buffer.from([3, 0, 1, 0, 0, 0, 1, 65, 0xce]));
    const close = await c.waitMethod('channel.close');
    expect(close.args).toEqual({
      replyCode: 406, replyText: 'PRECONDITION_FAILED - message size 209715200 is larger than configured max size 134217728', classId: 60, methodId: 40,
    });
    c.sendMethod(1, 'channel.close-ok', {});
    await c.openChannel(1);
    expect(c.closed).toBe(false);
    c.close();
  });
});

describe('handshake refusals', () => {
  it('closes the socket without connection.close on errors before tune-ok completes', async () => {
    const big = await RawClient.open(broker.port);
    big.send(PROTOCOL_HEADER);
    await big.waitMethod('connection.start');
    big.sendMethod(0, 'connection.start-ok', {
      clientProperties: { big: { type: 'S', value: 'x'.repeat(10000) } }, mechanism: 'PLAIN', response: Buffer.from('\0guest\0guest'), locale: 'en_US',
    });
    expect(await big.until(() => big.closed)).toBe(true);
    expect(big.methods().map((m) => m.name)).toEqual(['connection.start']);

    const tune = await RawClient.open(broker.port);
    tune.send(PROTOCOL_HEADER);
    await tune.waitMethod('connection.start');
    tune.sendMethod(0, 'connection.start-ok', { clientProperties: {}, mechanism: 'PLAIN', response: Buffer.from('\0guest\0guest'), locale: 'en_US' });
    await tune.waitMethod('connection.tune');
    tune.sendMethod(0, 'connection.tune-ok', { channelMax: 2047, frameMax: 100, heartbeat: 0 });
    expect(await tune.until(() => tune.closed)).toBe(true);
    expect(tune.methods().map((m) => m.name)).toEqual(['connection.start', 'connection.tune']);
  });
});
