import amqp from 'amqplib';
import { expect, it } from 'vitest';
import { serverClose } from './support/errors.js';
import {
  decodeClose,
  decodeStart,
  describeFrame,
  longstr,
  method,
  methodId,
  PROTOCOL_HEADER,
  RawAmqp,
  shortstr,
  table,
  u16,
  u8,
} from './support/raw-amqp.js';
import { forEachTarget } from './support/targets.js';

/** Issue section 2: negotiation, server properties, capabilities, authentication, vhost access. */
forEachTarget((ctx) => {
  it('announces RabbitMQ 3.x server properties and capabilities', async () => {
    const conn = await ctx.session().conn();
    const props = conn.connection.serverProperties as unknown as Record<string, unknown>;
    expect(props.capabilities).toEqual({
      publisher_confirms: true,
      exchange_exchange_bindings: true,
      'basic.nack': true,
      consumer_cancel_notify: true,
      'connection.blocked': true,
      consumer_priorities: true,
      authentication_failure_close: true,
      per_consumer_qos: true,
      direct_reply_to: true,
    });
    for (const key of ['product', 'version', 'platform', 'copyright', 'information', 'cluster_name']) {
      expect(typeof props[key], key).toBe('string');
    }
  });

  it('offers AMQPLAIN and PLAIN, locale en_US, protocol 0-9', async () => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      raw.send(PROTOCOL_HEADER);
      const start = decodeStart(await raw.expectMethod(10, 10));
      // RabbitMQ lists its mechanisms in registry order, which differs between boots.
      expect({ ...start, mechanisms: start.mechanisms.split(' ').sort() }).toEqual({
        versionMajor: 0,
        versionMinor: 9,
        mechanisms: ['AMQPLAIN', 'PLAIN'],
        locales: 'en_US',
      });
    } finally {
      raw.destroy();
    }
  });

  it('tunes to channel_max 2047, frame_max 131072, heartbeat 60, and honours lower client values', async () => {
    const s = ctx.session();
    const defaults = (await s.connect()).connection as unknown as { channelMax: number; frameMax: number; heartbeat: number };
    expect([defaults.channelMax, defaults.frameMax, defaults.heartbeat]).toEqual([2047, 131072, 60]);
    const low = (await amqp.connect(`${ctx.target.url()}?heartbeat=10&frameMax=8192&channelMax=10`)) as amqp.ChannelModel;
    const c = low.connection as unknown as { channelMax: number; frameMax: number; heartbeat: number };
    expect([c.channelMax, c.frameMax, c.heartbeat]).toEqual([10, 8192, 10]);
    await low.close();
  });

  it.each([
    ['a wrong protocol version', Buffer.from('AMQP\u0000\u0000\u0008\u0000', 'latin1')],
    ['garbage', Buffer.from('GET / HTTP/1.1\r\n\r\n')],
  ])('answers %s with the AMQP 0-9-1 header and closes the socket', async (_what, header) => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    raw.send(header);
    await raw.closed;
    expect(raw.raw).toEqual(PROTOCOL_HEADER);
  });

  it.each([
    ['PLAIN', 'guest', 'wrong'],
    ['PLAIN', 'no-such-user', 'x'],
    ['AMQPLAIN', 'guest', 'wrong'],
  ])('refuses %s login %s/%s with 403 and the generic text', async (mechanism, user, password) => {
    const credentials = mechanism === 'PLAIN' ? amqp.credentials.plain(user, password) : amqp.credentials.amqplain(user, password);
    const err = await amqp.connect(ctx.target.url(), { credentials }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(serverClose(err)).toEqual({
      code: 403,
      text: `ACCESS_REFUSED - Login was refused using authentication mechanism ${mechanism}. For details see the broker logfile.`,
    });
  });

  it('logs in with AMQPLAIN as with PLAIN', async () => {
    const conn = await amqp.connect(ctx.target.url(), { credentials: amqp.credentials.amqplain('guest', 'guest') });
    await (await conn.createChannel()).checkExchange('amq.direct');
    await conn.close();
  });

  it('refuses a PLAIN response with an authorisation identity (RabbitMQ requires it empty) by closing the socket', async () => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      raw.send(PROTOCOL_HEADER);
      await raw.expectMethod(10, 10);
      raw.send(
        method(0, 10, 11, table({ capabilities: { authentication_failure_close: true } }), shortstr('PLAIN'),
          longstr(Buffer.from('guest\u0000guest\u0000guest', 'utf8')), shortstr('en_US')),
      );
      expect(describeFrame(await raw.next())).toBe('socket closed');
    } finally {
      raw.destroy();
    }
  });

  it('closes the socket without connection.close when a failing client did not announce authentication_failure_close', async () => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    raw.send(PROTOCOL_HEADER);
    await raw.expectMethod(10, 10);
    raw.sendStartOk({ password: 'wrong' });
    expect(describeFrame(await raw.next(5000))).toBe('socket closed');
  });

  it('sends connection.close 403 to a failing client that announced authentication_failure_close', async () => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      raw.send(PROTOCOL_HEADER);
      await raw.expectMethod(10, 10);
      raw.sendStartOk({ password: 'wrong', capabilities: { authentication_failure_close: true } });
      const f = await raw.next();
      expect(f && decodeClose(f)).toEqual({
        classId: 10,
        methodId: 50,
        replyCode: 403,
        replyText: 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.',
      });
    } finally {
      raw.destroy();
    }
  });

  it('refuses a missing vhost with 530 on connection.open', async () => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      await raw.openUpTo({ vhost: 'conformance-no-such-vhost' });
      const f = await raw.next();
      expect(f && decodeClose(f)).toEqual({
        classId: 10,
        methodId: 50,
        replyCode: 530,
        replyText: 'NOT_ALLOWED - vhost conformance-no-such-vhost not found',
      });
    } finally {
      raw.destroy();
    }
  });

  it('refuses a vhost the user has no permissions on with 530', async () => {
    const s = ctx.session();
    const vhost = await s.vhost();
    const user = await s.user('noperm', 'pw');
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      await raw.openUpTo({ user, password: 'pw', vhost });
      const f = await raw.next();
      expect(f && decodeClose(f)).toMatchObject({
        replyCode: 530,
        replyText: `NOT_ALLOWED - access to vhost '${vhost}' refused for user '${user}'`,
      });
    } finally {
      raw.destroy();
    }
  });

  it('lets guest in from loopback only', async () => {
    const ext = await ctx.target.external();
    if (ext === null) throw new Error('this machine has no non-loopback IPv4 address to test from');
    try {
      const err = await amqp.connect(`amqp://guest:guest@${ext.host}:${ext.port}/`).then(
        (c) => c.close().then(() => null),
        (e: unknown) => e,
      );
      expect(serverClose(err)).toEqual({
        code: 403,
        text: 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.',
      });
    } finally {
      await ext.close();
    }
  });

  it.each([
    ['announced consumer_cancel_notify', { consumer_cancel_notify: true }, ['50.41', '60.30']],
    ['did not announce it', undefined, ['50.41']],
  ] as const)('sends basic.cancel on queue deletion only to a client that %s', async (_what, capabilities, expected) => {
    const s = ctx.session();
    const q = s.queueName();
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      await raw.handshake(capabilities === undefined ? {} : { capabilities });
      raw.openChannel(1);
      await raw.expectMethod(20, 11);
      raw.send(method(1, 50, 10, u16(0), shortstr(q), u8(0), table({})));
      await raw.expectMethod(50, 11);
      raw.send(method(1, 60, 20, u16(0), shortstr(q), shortstr('ctag'), u8(0), table({})));
      await raw.expectMethod(60, 21);
      raw.openChannel(2);
      await raw.expectMethod(20, 11);
      raw.send(method(2, 50, 40, u16(0), shortstr(q), u8(0)));
      // basic.cancel (channel 1) and delete-ok (channel 2) are on different channels: their order is not fixed.
      const seen: string[] = [];
      const deadline = Date.now() + 1000;
      while (Date.now() < deadline) {
        const f = await raw.next(deadline - Date.now()).catch(() => undefined);
        if (f === undefined) break;
        if (f === null) throw new Error('socket closed');
        seen.push(methodId(f).join('.'));
      }
      seen.sort();
      expect(seen).toEqual(expected);
    } finally {
      raw.destroy();
    }
  });

  it('sends heartbeats and drops a peer that stays silent for two intervals', async () => {
    const raw = await RawAmqp.connect(ctx.target.host, ctx.target.port);
    try {
      await raw.handshake({ heartbeat: 1 });
      const started = Date.now();
      expect(await raw.next(10_000)).toBeNull();
      const silentFor = Date.now() - started;
      expect(raw.heartbeats).toBeGreaterThan(0);
      expect(silentFor).toBeGreaterThanOrEqual(1500);
      expect(silentFor).toBeLessThan(6000);
    } finally {
      raw.destroy();
    }
  });
});
