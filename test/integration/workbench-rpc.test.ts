import type { Channel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishService } from '../../electron/backend/workbench/publish/publish-handlers.js';
import { type ArgsOf, methods } from '../../shared/api/contract.js';
import { PREVIEW_BYTES } from '../../shared/model/workbench/message.js';
import { type ConnectedWorkbench, connectWorkbench, workbenchTargets } from './support/connected-workbench.js';
import { uniqueName } from './support/rabbit-admin.js';

let calls = 0;
const rpcArgs = (over: Partial<ArgsOf<'workbench.rpc'>>): ArgsOf<'workbench.rpc'> => ({
  callId: `call-${++calls}`,
  vhost: '/',
  exchange: '',
  routingKey: 'nowhere',
  properties: {},
  headers: {},
  body: { kind: 'inline', bytes: { encoding: 'utf8', data: 'ping' } },
  replyMode: 'direct',
  timeoutMs: 10_000,
  ...over,
});

for (const target of await workbenchTargets()) {
  describe.skipIf(!target.available)(`workbench.rpc against ${target.name}`, () => {
    let stop: () => Promise<void>;
    let w: ConnectedWorkbench;
    let ch: Channel;
    let rpc: (args: ArgsOf<'workbench.rpc'>) => Promise<ReturnType<(typeof methods)['workbench.rpc']['result']['parse']>>;
    const service = uniqueName('rpc-service');
    const silent = uniqueName('rpc-silent');

    beforeAll(async () => {
      const started = await target.start();
      stop = started.stop;
      w = await connectWorkbench(started);
      ch = await w.admin.createChannel();
      const handler = createPublishService(w.deps).handlers['workbench.rpc'];
      rpc = async (args) => methods['workbench.rpc'].result.parse(await handler(methods['workbench.rpc'].args.parse(args)));
      // A tiny service: answers each request on its reply-to with the same correlation id, a binary tail and a header.
      await ch.assertQueue(service, { durable: false });
      await ch.assertQueue(silent, { durable: false });
      await ch.consume(service, (msg) => {
        if (msg === null) return;
        const body = Buffer.concat([Buffer.from(`pong:${msg.content.toString()}`), Buffer.from([0xff])]);
        ch.sendToQueue(msg.properties.replyTo as string, body, { correlationId: msg.properties.correlationId, headers: { served: 1.5, by: 'responder' } });
        ch.ack(msg);
      });
    });
    afterAll(async () => {
      await ch?.deleteQueue(service).catch(() => undefined);
      await ch?.deleteQueue(silent).catch(() => undefined);
      await w?.close();
      await stop?.();
    });

    it.each(['direct', 'temporary'] as const)('calls a service with %s reply-to and shows the reply, its round trip and its whole body', async (replyMode) => {
      const result = await rpc(rpcArgs({ routingKey: service, replyMode }));
      expect(result.outcome).toBe('reply');
      expect(result.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      if (replyMode === 'direct') expect(result.replyTo).toBe('amq.rabbitmq.reply-to');
      else expect(result.replyTo).toMatch(/^amq\.gen-/);
      expect(result.roundTripMs).toBeGreaterThan(0);
      expect(result.roundTripMs).toBeLessThan(10_000);
      expect(result.reply).toMatchObject({ seq: 1, pending: false, size: 10, truncated: false, properties: { correlationId: result.correlationId }, headers: { served: { type: 'float', value: 1.5 }, by: { type: 'string', value: 'responder' } } });
      expect(Buffer.from(result.reply?.preview.data ?? '', 'base64')).toEqual(Buffer.concat([Buffer.from('pong:ping'), Buffer.from([0xff])]));
      const held = w.deps.held.get(result.callId);
      expect(held?.kind).toBe('rpc');
      expect(held?.get(1)?.body?.toString('latin1')).toBe('pong:ping\u00ff');
      if (replyMode === 'temporary') {
        // The reply queue is exclusive and auto-delete: gone once the call is over.
        const exists = async () => {
          const probe = await w.admin.createChannel();
          probe.on('error', () => undefined);
          const found = await probe.checkQueue(result.replyTo).then(() => 'there', () => 'gone');
          await probe.close().catch(() => undefined);
          return found;
        };
        await expect.poll(exists, { timeout: 5000 }).toBe('gone');
      }
    });

    it('a reply above 10 MiB is previewed cut to the preview size and held whole', async () => {
      const big = uniqueName('rpc-big');
      await ch.assertQueue(big, { durable: false });
      const reply = Buffer.alloc(12 * 1024 * 1024, 'é');
      const { consumerTag } = await ch.consume(big, (msg) => {
        if (msg === null) return;
        ch.sendToQueue(msg.properties.replyTo as string, reply, { correlationId: msg.properties.correlationId });
        ch.ack(msg);
      });
      try {
        const result = await rpc(rpcArgs({ routingKey: big }));
        expect(result.reply).toMatchObject({ size: reply.length, truncated: true, preview: { encoding: 'utf8' } });
        expect(Buffer.byteLength(result.reply?.preview.data ?? '')).toBeLessThanOrEqual(PREVIEW_BYTES);
        expect(w.deps.held.get(result.callId)?.get(1)?.body?.equals(reply)).toBe(true);
      } finally {
        await ch.cancel(consumerTag);
        await ch.deleteQueue(big);
      }
    });

    it('a request nobody answers times out after the given time', async () => {
      const result = await rpc(rpcArgs({ routingKey: silent, timeoutMs: 300 }));
      expect(result).toMatchObject({ outcome: 'timeout', reply: null });
      expect(result.roundTripMs).toBeGreaterThanOrEqual(290);
    });

    it('a request no queue takes comes back returned (312 NO_ROUTE)', async () => {
      const result = await rpc(rpcArgs({ routingKey: uniqueName('nobody') }));
      expect(result).toMatchObject({ outcome: 'returned', replyCode: 312, replyText: 'NO_ROUTE', reply: null });
    });

    it('a request a full queue rejects (reject-publish) is refused at once, not left to time out', async () => {
      const full = uniqueName('rpc-full');
      await ch.assertQueue(full, { durable: false, arguments: { 'x-max-length': 0, 'x-overflow': 'reject-publish' } });
      try {
        const result = await rpc(rpcArgs({ routingKey: full, timeoutMs: 60_000 }));
        expect(result).toMatchObject({ outcome: 'refused', reply: null });
        expect(result.replyText).toMatch(/basic\.nack/);
        expect(result.roundTripMs).toBeLessThan(30_000);
      } finally {
        await ch.deleteQueue(full);
      }
    });

    it('a missing exchange is refused in the broker\'s words, and the next call works', async () => {
      const missing = uniqueName('rpc-missing');
      const result = await rpc(rpcArgs({ exchange: missing, routingKey: service }));
      expect(result).toMatchObject({ outcome: 'refused', replyCode: 404, reply: null });
      expect(result.replyText).toBe(`NOT_FOUND - no exchange '${missing}' in vhost '/'`);
      expect((await rpc(rpcArgs({ routingKey: service }))).outcome).toBe('reply');
    });
  });
}
