import { expect, it } from 'vitest';
import {
  contentHeader,
  describeFrame,
  frame,
  FRAME_BODY,
  FRAME_HEADER,
  FRAME_HEARTBEAT,
  method,
  PROTOCOL_HEADER,
  RawAmqp,
  shortstr,
  table,
  u16,
  u32,
  u64,
  u8,
} from './support/raw-amqp.js';
import { forEachTarget } from './support/targets.js';

/**
 * Issue section 3, frame level: 504 channel errors, 501/505 frame errors
 * and 540 unsupported features are connection errors (connection.close on
 * channel 0); the broker and its other connections carry on.
 */
forEachTarget((ctx) => {
  async function closeAfter(steps: (raw: RawAmqp) => Promise<void> | void): Promise<string> {
    const bystander = await ctx.session().channel();
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      await raw.handshake();
      await steps(raw);
      const answer = describeFrame(await raw.next());
      // The offending connection is gone; another one still works.
      await bystander.checkExchange('amq.direct');
      return answer;
    } finally {
      raw.destroy();
    }
  }

  async function openChannel1(raw: RawAmqp): Promise<void> {
    raw.openChannel(1);
    await raw.expectMethod(20, 11);
  }

  const publishMethod = () => method(1, 60, 40, u16(0), shortstr(''), shortstr('q'), u8(0));

  /** [what the client does, reply code and text of the connection.close, or null when the server just closes the socket]. */
  const cases: [string, (raw: RawAmqp) => Promise<void> | void, number | null, string][] = [
    [
      'a method on a channel that was never opened',
      (raw) => raw.send(method(1, 50, 10, u16(0), shortstr('q'), u8(0), table({}))),
      504,
      "CHANNEL_ERROR - expected 'channel.open'",
    ],
    [
      'a second channel.open on an open channel',
      async (raw) => {
        await openChannel1(raw);
        raw.openChannel(1);
      },
      504,
      "CHANNEL_ERROR - second 'channel.open' seen",
    ],
    [
      'a wrong frame end byte',
      (raw) => raw.send(frame(1, 1, Buffer.concat([u16(20), u16(10), shortstr('')]), 0x00)),
      501,
      'FRAME_ERROR - type 1, all octets = <<0,20,0,10,0>>: {invalid_frame_end_marker,0}',
    ],
    [
      'an unknown frame type',
      (raw) => raw.send(frame(7, 0, Buffer.alloc(0))),
      501,
      'FRAME_ERROR - type 7, all octets = <<>>: unknown_frame',
    ],
    [
      'a frame larger than frame_max',
      async (raw) => {
        await openChannel1(raw);
        raw.send(publishMethod(), contentHeader(1, 200_000), frame(FRAME_BODY, 1, Buffer.alloc(140_000)));
      },
      501,
      'FRAME_ERROR - type 3, all octets = <<>>: {frame_too_large,140000,131064}',
    ],
    [
      'a body frame where a content header is due',
      async (raw) => {
        await openChannel1(raw);
        raw.send(publishMethod(), frame(FRAME_BODY, 1, Buffer.from('x')));
      },
      505,
      'UNEXPECTED_FRAME - expected content header for class 60, got non content header frame instead',
    ],
    [
      'a method frame where a content body is due',
      async (raw) => {
        await openChannel1(raw);
        raw.send(publishMethod(), contentHeader(1, 5), method(1, 20, 10, shortstr('')));
      },
      505,
      'UNEXPECTED_FRAME - expected content body, got non content body frame instead',
    ],
    [
      'a method whose arguments cannot be decoded',
      async (raw) => {
        await openChannel1(raw);
        raw.send(method(1, 50, 10, u16(0), Buffer.from([10])));
      },
      501,
      'FRAME_ERROR - cannot decode <<0,0,10>>',
    ],
    [
      'an unknown exchange type',
      async (raw) => {
        await openChannel1(raw);
        raw.send(method(1, 40, 10, u16(0), shortstr('conformance-x-bad-type'), shortstr('warren-no-such-type'), u8(0), table({})));
      },
      503,
      // RabbitMQ says "invalid" only for a name that happens to be an Erlang
      // atom already; a name no module uses is "unknown" there, as here.
      "COMMAND_INVALID - unknown exchange type 'warren-no-such-type'",
    ],
    [
      'a heartbeat frame on a non-zero channel',
      (raw) => raw.send(frame(FRAME_HEARTBEAT, 1, Buffer.alloc(0))),
      505,
      'UNEXPECTED_FRAME - type 8, all octets = <<>>',
    ],
    [
      'a content header on channel 0',
      (raw) => raw.send(contentHeader(0, 1)),
      505,
      'UNEXPECTED_FRAME - type 2, all octets = <<0,60,0,0,0,0,0,0,0,0,0,1,0,0>>',
    ],
    [
      'a content header of the wrong class',
      async (raw) => {
        await openChannel1(raw);
        raw.send(publishMethod(), frame(FRAME_HEADER, 1, Buffer.concat([u16(50), u16(0), u64(1), u16(0)])));
      },
      505,
      'UNEXPECTED_FRAME - expected content header for class 60, got one for class 50 instead',
    ],
    [
      'a channel method on channel 0',
      (raw) => raw.send(method(0, 60, 40, u16(0), shortstr(''), shortstr('q'), u8(0))),
      504,
      'CHANNEL_ERROR - unexpected method in connection state running',
    ],
    [
      'a method on a channel after closing it',
      async (raw) => {
        await openChannel1(raw);
        raw.send(method(1, 20, 40, u16(200), shortstr('bye'), u16(0), u16(0)));
        await raw.expectMethod(20, 41);
        raw.send(method(1, 50, 10, u16(0), shortstr('q'), u8(0), table({})));
      },
      504,
      "CHANNEL_ERROR - expected 'channel.open'",
    ],
    [
      'an unsolicited channel.close-ok',
      async (raw) => {
        await openChannel1(raw);
        raw.send(method(1, 20, 41));
      },
      503,
      'COMMAND_INVALID - unimplemented method',
    ],
    [
      'an unknown method',
      async (raw) => {
        await openChannel1(raw);
        raw.send(method(1, 60, 99));
      },
      null,
      '',
    ],
    [
      'a field table with an unknown value type',
      async (raw) => {
        await openChannel1(raw);
        raw.send(method(1, 50, 10, u16(0), shortstr('q'), u8(0), Buffer.concat([u32(3), shortstr('a'), Buffer.from('Z')])));
      },
      null,
      '',
    ],
    [
      'basic.qos with prefetch_size',
      async (raw) => {
        await openChannel1(raw);
        raw.send(method(1, 60, 10, u32(10), u16(0), u8(0)));
      },
      540,
      'NOT_IMPLEMENTED - prefetch_size!=0 (10)',
    ],
    [
      'basic.recover with requeue=false',
      async (raw) => {
        await openChannel1(raw);
        raw.send(method(1, 60, 110, u8(0)));
      },
      540,
      'NOT_IMPLEMENTED - requeue=false',
    ],
    [
      'basic.publish with immediate',
      async (raw) => {
        await openChannel1(raw);
        raw.send(method(1, 60, 40, u16(0), shortstr('amq.direct'), shortstr('k'), u8(2)), contentHeader(1, 1), frame(FRAME_BODY, 1, Buffer.from('x')));
      },
      540,
      'NOT_IMPLEMENTED - immediate=true',
    ],
    [
      'channel.flow active=false',
      async (raw) => {
        await openChannel1(raw);
        raw.send(method(1, 20, 20, u8(0)));
      },
      540,
      'NOT_IMPLEMENTED - active=false',
    ],
  ];

  it.each(cases)('closes the connection for %s', async (_what, steps, replyCode, replyText) => {
    expect(await closeAfter(steps)).toBe(replyCode === null ? 'socket closed' : `close 10.50 ${replyCode} ${replyText}`);
  });

  it.each([
    ['a frame_max above the server maximum', 2047, 200_000],
    ['a frame_max below the 4096 minimum', 2047, 4095],
    ['a channel_max above the server maximum', 4000, 131_072],
  ])('closes the socket for a tune-ok with %s', async (_what, channelMax, frameMax) => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      raw.send(PROTOCOL_HEADER);
      await raw.expectMethod(10, 10);
      raw.sendStartOk({ capabilities: { authentication_failure_close: true } });
      await raw.expectMethod(10, 30);
      raw.send(method(0, 10, 31, u16(channelMax), u32(frameMax), u16(0)), method(0, 10, 40, shortstr('/'), shortstr(''), u8(0)));
      expect(describeFrame(await raw.next(10_000))).toBe('socket closed');
    } finally {
      raw.destroy();
    }
  });

  it('after a channel error, ignores the channel until close-ok, then lets the client reopen it', async () => {
    const s = ctx.session();
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      await raw.handshake();
      await openChannel1(raw);
      raw.send(method(1, 60, 70, u16(0), shortstr(s.name('missing')), u8(0)));
      expect(describeFrame(await raw.next())).toBe(`close 20.40 404 NOT_FOUND - no queue '${s.name('missing')}' in vhost '/'`);
      // Sent before close-ok: discarded, so no second error.
      raw.send(method(1, 50, 10, u16(0), shortstr(s.name('also-missing')), u8(1), table({})));
      raw.send(method(1, 20, 41));
      raw.openChannel(1);
      expect(describeFrame(await raw.next())).toBe('method 20.11 on channel 1');
      raw.send(method(1, 20, 40, u16(200), shortstr('bye'), u16(0), u16(0)));
      expect(describeFrame(await raw.next())).toBe('method 20.41 on channel 1');
      raw.openChannel(1);
      expect(describeFrame(await raw.next())).toBe('method 20.11 on channel 1');
    } finally {
      raw.destroy();
    }
  });

  it('sends no heartbeats when the client tunes them off', async () => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      await raw.handshake({ heartbeat: 0 });
      await expect(raw.next(2500)).rejects.toThrow('timed out waiting for a frame');
      expect(raw.heartbeats).toBe(0);
      expect(raw.isClosed).toBe(false);
    } finally {
      raw.destroy();
    }
  });

  it('answers the 0-8 access.request with access.request-ok, for old clients', async () => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      await raw.handshake();
      await openChannel1(raw);
      raw.send(method(1, 30, 10, shortstr('/data'), u8(0)));
      await raw.expectMethod(30, 11);
    } finally {
      raw.destroy();
    }
  });

  it('answers channel.flow active=true with flow-ok active=true', async () => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      await raw.handshake();
      await openChannel1(raw);
      raw.send(method(1, 20, 20, u8(1)));
      const ok = await raw.expectMethod(20, 21);
      expect(ok.payload.readUInt8(4)).toBe(1);
    } finally {
      raw.destroy();
    }
  });
});

