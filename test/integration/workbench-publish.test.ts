import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import amqp, { type Channel, type GetMessage } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishService } from '../../electron/backend/workbench/publish/publish-handlers.js';
import { ApiError } from '../../shared/api/errors.js';
import { type ArgsOf, type ResultOf, events as eventSchemas, methods } from '../../shared/api/contract.js';
import type { PublishArgs } from '../../shared/model/workbench/publish.js';
import { type ConnectedWorkbench, connectWorkbench, eventsOf, workbenchTargets } from './support/connected-workbench.js';
import { RABBIT_PASSWORD, RABBIT_USER, createVhost, deleteVhost, revokePermissions, uniqueName } from './support/rabbit-admin.js';

type Method = 'workbench.publish' | 'workbench.publishCancel' | 'workbench.bodyUpload' | 'workbench.templates' | 'workbench.templateSave' | 'workbench.templateRemove' | 'workbench.sent';

/** Calls a handler as a transport does: arguments parsed by their schema (defaults applied), the result checked by its own. */
function caller(handlers: ReturnType<typeof createPublishService>['handlers']) {
  return async <M extends Method>(name: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
    const parsed = methods[name].args.parse(args);
    const result = await (handlers[name] as (a: unknown) => Promise<unknown>)(parsed);
    return methods[name].result.parse(result) as ResultOf<M>;
  };
}

const text = (data: string) => ({ kind: 'inline' as const, bytes: { encoding: 'utf8' as const, data } });
let ids = 0;
const publishArgs = (over: Partial<ArgsOf<'workbench.publish'>>): ArgsOf<'workbench.publish'> => ({
  publishId: `p${++ids}`,
  vhost: '/',
  exchange: '',
  routingKey: 'nowhere',
  properties: {},
  headers: {},
  body: text('hello'),
  repeat: { mode: 'once' },
  ...over,
});

for (const target of await workbenchTargets()) {
  describe.skipIf(!target.available)(`workbench.publish against ${target.name}`, () => {
    let stop: () => Promise<void>;
    let w: ConnectedWorkbench;
    let ch: Channel;
    let call: ReturnType<typeof caller>;
    let dataDir: string;
    const declared: string[] = [];
    const exchanges: string[] = [];

    beforeAll(async () => {
      const started = await target.start();
      stop = started.stop;
      w = await connectWorkbench(started);
      dataDir = await mkdtemp(path.join(tmpdir(), 'warren-publish-'));
      w.deps.dataDir = dataDir;
      ch = await w.admin.createChannel();
      call = caller(createPublishService(w.deps).handlers);
    });
    afterAll(async () => {
      for (const q of declared) await ch.deleteQueue(q).catch(() => undefined);
      for (const x of exchanges) await ch.deleteExchange(x).catch(() => undefined);
      await w?.close();
      await stop?.();
      await rm(dataDir, { recursive: true, force: true });
    });

    const queue = async (args: Record<string, unknown> = {}): Promise<string> => {
      const q = uniqueName('publish');
      declared.push(q);
      await ch.assertQueue(q, { durable: false, arguments: args });
      return q;
    };
    const depth = async (q: string) => (await ch.checkQueue(q)).messageCount;
    const take = async (q: string): Promise<GetMessage> => {
      const got = await ch.get(q, { noAck: true });
      if (got === false) throw new Error(`nothing in ${q}`);
      return got;
    };

    it('publishes once, confirmed, and keeps it in the sent history', async () => {
      const q = await queue();
      const result = await call('workbench.publish', publishArgs({ routingKey: q, properties: { contentType: 'text/plain' } }));
      expect(result).toMatchObject({ status: 'done', sent: 1, confirmed: 1, returned: 0, nacked: 0, unconfirmed: 0 });
      expect(result.outcomes).toEqual([expect.objectContaining({ n: 1, outcome: 'confirmed', routingKey: q })]);
      const got = await take(q);
      expect(got.content.toString()).toBe('hello');
      // Warren names a publish that has no message id, to match a return to it.
      expect(got.properties.messageId).toMatch(/^warren-[0-9a-f]+\.1$/);
      const { sent } = await call('workbench.sent', {});
      expect(sent[0]).toMatchObject({ id: result.historyId, status: 'done', bodyTruncated: false, message: { routingKey: q, body: { encoding: 'utf8', data: 'hello' } } });
      expect(sent[0]?.message.properties).toEqual({ contentType: 'text/plain' });
    });

    it('an unroutable mandatory publish comes back returned with 312 NO_ROUTE', async () => {
      const x = uniqueName('publish-x');
      exchanges.push(x);
      await ch.assertExchange(x, 'direct', { durable: false });
      const result = await call('workbench.publish', publishArgs({ exchange: x, routingKey: 'no-binding', properties: { messageId: 'mine' } }));
      expect(result).toMatchObject({ status: 'done', sent: 1, confirmed: 0, returned: 1 });
      expect(result.outcomes).toEqual([{ n: 1, outcome: 'returned', replyCode: 312, replyText: 'NO_ROUTE', routingKey: 'no-binding', messageId: 'mine' }]);
    });

    it('without confirms each publish is unconfirmed, and one that comes back is counted returned', async () => {
      const q = await queue();
      const result = await call('workbench.publish', publishArgs({ routingKey: q, confirm: false, repeat: { mode: 'count', count: 5 } }));
      expect(result).toMatchObject({ status: 'done', sent: 5, unconfirmed: 5, confirmed: 0 });
      await expect.poll(() => depth(q), { timeout: 10_000 }).toBe(5);
      const back = await call('workbench.publish', publishArgs({ routingKey: uniqueName('missing-q'), confirm: false, repeat: { mode: 'count', count: 3 } }));
      expect(back).toMatchObject({ status: 'done', sent: 3, unconfirmed: 0, returned: 3 });
    });

    it('a missing exchange is refused in the broker\'s words (404), the run stops, and the next publish works', async () => {
      const missing = uniqueName('missing-x');
      const result = await call('workbench.publish', publishArgs({ exchange: missing, routingKey: 'k', repeat: { mode: 'count', count: 50 } }));
      expect(result.status).toBe('refused');
      expect(result.refusal?.replyCode).toBe(404);
      expect(result.refusal?.replyText).toContain(`no exchange '${missing}' in vhost '/'`);
      expect(result.refusal?.replyText).toMatch(/^NOT_FOUND - /);
      expect(result.confirmed).toBe(0);
      expect(result.outcomes[0]).toMatchObject({ n: 1, outcome: 'refused', replyCode: 404 });
      expect(w.deps.session.broker().amqp.status).toBe('connected');
      const q = await queue();
      expect(await call('workbench.publish', publishArgs({ routingKey: q }))).toMatchObject({ status: 'done', confirmed: 1 });
      expect((await call('workbench.sent', {})).sent[1]).toMatchObject({ id: result.historyId, status: 'refused' });
    });

    it('a user id other than the connection\'s is refused with PRECONDITION_FAILED, then a correct one goes through', async () => {
      const q = await queue();
      const result = await call('workbench.publish', publishArgs({ routingKey: q, properties: { userId: 'someone-else' } }));
      expect(result.status).toBe('refused');
      expect(result.refusal).toMatchObject({ replyCode: 406 });
      expect(result.refusal?.replyText).toBe("PRECONDITION_FAILED - user_id property set to 'someone-else' but authenticated user was 'guest'");
      expect(await call('workbench.publish', publishArgs({ routingKey: q, properties: { userId: 'guest' } }))).toMatchObject({ confirmed: 1 });
    });

    it('a full queue that rejects publishes nacks them', async () => {
      const q = await queue({ 'x-max-length': 1, 'x-overflow': 'reject-publish' });
      const result = await call('workbench.publish', publishArgs({ routingKey: q, repeat: { mode: 'count', count: 3 } }));
      expect(result).toMatchObject({ status: 'done', sent: 3, confirmed: 1, nacked: 2 });
      expect(result.outcomes.map((o) => o.outcome)).toEqual(['confirmed', 'nacked', 'nacked']);
    });

    it('publishes 100, all confirmed, with progress events that match their schema', async () => {
      const q = await queue();
      const before = w.events.length;
      const result = await call('workbench.publish', publishArgs({ routingKey: q, repeat: { mode: 'count', count: 100 } }));
      expect(result).toMatchObject({ status: 'done', sent: 100, confirmed: 100 });
      expect(result.outcomes).toHaveLength(100);
      expect(await depth(q)).toBe(100);
      const progress = eventsOf(w, 'workbench.publishProgress').slice(-1);
      expect(w.events.length).toBeGreaterThan(before);
      expect(eventSchemas['workbench.publishProgress'].safeParse(progress[0]).success).toBe(true);
      expect(progress[0]).toMatchObject({ publishId: result.publishId, planned: 100, sent: 100, confirmed: 100 });
    });

    it('publishes at a rate for a duration: 200 msg/s for 2 s sends 400', async () => {
      const q = await queue();
      const result = await call('workbench.publish', publishArgs({ routingKey: q, repeat: { mode: 'rate', perSecond: 200, durationSeconds: 2 } }));
      expect(result).toMatchObject({ status: 'done', sent: 400, confirmed: 400 });
      // Pacing never runs ahead of the clock; how far behind a loaded machine falls is the benchmark's business.
      expect(result.elapsedMs).toBeGreaterThanOrEqual(1900);
      expect(result.achievedRate).toBeLessThanOrEqual(210);
      expect(await depth(q)).toBe(400);
    });

    it('cancelling stops the run after the publish in flight', async () => {
      const q = await queue();
      const args = publishArgs({ routingKey: q, repeat: { mode: 'rate', perSecond: 50, durationSeconds: 60 } });
      const run = call('workbench.publish', args);
      await expect.poll(() => eventsOf(w, 'workbench.publishProgress').some((p) => p.publishId === args.publishId && p.sent > 0), { timeout: 10_000 }).toBe(true);
      expect(await call('workbench.publishCancel', { publishId: args.publishId })).toEqual({ cancelled: true });
      const result = await run;
      expect(result.status).toBe('cancelled');
      expect(result.sent).toBeLessThan(3000);
      expect(result.confirmed).toBe(result.sent);
      expect(await depth(q)).toBe(result.sent);
      expect(await call('workbench.publishCancel', { publishId: args.publishId })).toEqual({ cancelled: false });
    });

    it('closing the service stops a running publish and waits for it', async () => {
      const q = await queue();
      const service = createPublishService(w.deps);
      const args = publishArgs({ routingKey: q, repeat: { mode: 'rate', perSecond: 50, durationSeconds: 60 } });
      const run = service.handlers['workbench.publish'](methods['workbench.publish'].args.parse(args));
      await expect.poll(() => eventsOf(w, 'workbench.publishProgress').some((p) => p.publishId === args.publishId && p.sent > 0), { timeout: 10_000 }).toBe(true);
      await service.close();
      const result = await run;
      expect(result.status).toBe('cancelled');
      expect(result.sent).toBeLessThan(3000);
      await expect(service.handlers['workbench.publish'](methods['workbench.publish'].args.parse(publishArgs({ routingKey: q })))).rejects.toMatchObject({ code: 'not_connected' });
    });

    it('a run stops when the session moves to another profile, and when it disconnects', async () => {
      const q = await queue();
      const original = w.deps.session.broker();
      let current: () => ReturnType<typeof w.deps.session.broker> = () => original;
      const service = createPublishService({ ...w.deps, session: { broker: () => current() } });
      const start = () => {
        const args = publishArgs({ routingKey: q, repeat: { mode: 'rate', perSecond: 50, durationSeconds: 60 } });
        const run = service.handlers['workbench.publish'](methods['workbench.publish'].args.parse(args));
        return { args, run };
      };
      const started = async (publishId: string) =>
        expect.poll(() => eventsOf(w, 'workbench.publishProgress').some((p) => p.publishId === publishId && p.sent > 0), { timeout: 10_000 }).toBe(true);

      const switched = start();
      await started(switched.args.publishId);
      const other = { ...original, profileId: 'another-profile', amqp: { ...original.amqp } };
      current = () => other;
      expect((await switched.run).status).toBe('cancelled');

      current = () => original;
      const disconnected = start();
      await started(disconnected.args.publishId);
      current = () => {
        throw new ApiError('not_connected', 'No broker is connected: choose a profile first');
      };
      const result = await disconnected.run;
      expect(result.status).toBe('cancelled');
      expect(result.confirmed).toBe(result.sent);
      await service.close();
    });

    it('a binary body and typed headers arrive unchanged at an amqplib consumer', async () => {
      const q = await queue();
      const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x0a]);
      const result = await call(
        'workbench.publish',
        publishArgs({
          routingKey: q,
          body: { kind: 'inline', bytes: { encoding: 'base64', data: binary.toString('base64') } },
          properties: { deliveryMode: 2, priority: 3, timestamp: 1_700_000_000, appId: 'warren-test', type: 'order', correlationId: 'c-1' },
          headers: {
            s: { type: 'string', value: 'text' },
            i: { type: 'int', value: 42 },
            big: { type: 'int', value: 5_000_000_000 },
            f: { type: 'float', value: 1.5 },
            b: { type: 'boolean', value: true },
            raw: { type: 'bytes', value: Buffer.from([9, 0, 255]).toString('base64') },
            when: { type: 'timestamp', value: 1_700_000_001 },
            price: { type: 'decimal', value: { places: 2, digits: 1234 } },
            none: { type: 'void' },
            nested: { type: 'table', value: { list: { type: 'array', value: [{ type: 'int', value: 1 }, { type: 'string', value: 'x' }, { type: 'table', value: { deep: { type: 'boolean', value: false } } }] } } },
          },
        }),
      );
      expect(result.confirmed).toBe(1);
      const got = await take(q);
      expect(got.content.equals(binary)).toBe(true);
      expect(got.properties).toMatchObject({ deliveryMode: 2, priority: 3, timestamp: 1_700_000_000, appId: 'warren-test', type: 'order', correlationId: 'c-1' });
      expect(got.properties.headers).toEqual({
        s: 'text',
        i: 42,
        big: 5_000_000_000,
        f: 1.5,
        b: true,
        raw: Buffer.from([9, 0, 255]),
        when: { '!': 'timestamp', value: 1_700_000_001 },
        price: { '!': 'decimal', value: { places: 2, digits: 1234 } },
        none: null,
        nested: { list: [1, 'x', { deep: false }] },
      });
      // Resent from the history, the binary body is the same bytes.
      const [entry] = (await call('workbench.sent', {})).sent;
      expect(entry?.message.body).toEqual({ encoding: 'base64', data: binary.toString('base64') });
    });

    it('expands {{counter}}, {{uuid}} and {{now}} per publish in the routing key, properties, headers and body', async () => {
      const x = uniqueName('publish-t');
      exchanges.push(x);
      await ch.assertExchange(x, 'topic', { durable: false });
      const q = await queue();
      await ch.bindQueue(q, x, 'order.*');
      const result = await call(
        'workbench.publish',
        publishArgs({
          exchange: x,
          routingKey: 'order.{{counter}}',
          templated: true,
          properties: { messageId: 'm-{{uuid}}' },
          headers: { at: { type: 'string', value: '{{now}}' } },
          body: text('{"n": {{counter}}}'),
          repeat: { mode: 'count', count: 3 },
        }),
      );
      expect(result.confirmed).toBe(3);
      const got = [await take(q), await take(q), await take(q)];
      expect(got.map((m) => [m.fields.routingKey, m.content.toString()])).toEqual([
        ['order.1', '{"n": 1}'],
        ['order.2', '{"n": 2}'],
        ['order.3', '{"n": 3}'],
      ]);
      expect(new Set(got.map((m) => m.properties.messageId)).size).toBe(3);
      expect(got[0]?.properties.messageId).toMatch(/^m-[0-9a-f-]{36}$/);
      expect(Number.isNaN(Date.parse(String(got[0]?.properties.headers?.at)))).toBe(false);
    });

    it('publishes a body uploaded in chunks, used once', async () => {
      const q = await queue();
      const body = Buffer.alloc(700 * 1024, 7);
      const half = body.length / 2;
      await call('workbench.bodyUpload', { uploadId: 'up1', offset: 0, chunk: { encoding: 'base64', data: body.subarray(0, half).toString('base64') } });
      expect(await call('workbench.bodyUpload', { uploadId: 'up1', offset: half, chunk: { encoding: 'base64', data: body.subarray(half).toString('base64') } })).toEqual({ uploadId: 'up1', received: body.length });
      expect(await call('workbench.publish', publishArgs({ routingKey: q, body: { kind: 'upload', uploadId: 'up1' } }))).toMatchObject({ confirmed: 1 });
      expect((await take(q)).content.equals(body)).toBe(true);
      const [entry] = (await call('workbench.sent', {})).sent;
      expect(entry).toMatchObject({ bodySize: body.length, bodyTruncated: true });
      await expect(call('workbench.publish', publishArgs({ routingKey: q, body: { kind: 'upload', uploadId: 'up1' } }))).rejects.toMatchObject({ code: 'not_found' });
    });

    it('keeps templates and the sent history in the data folder, owner-only, across a restart', async () => {
      const template = { id: 't1', name: 'Order', message: { ...(methods['workbench.publish'].args.parse(publishArgs({ routingKey: 'orders' })) as PublishArgs), body: { encoding: 'utf8' as const, data: '{}' } }, repeat: { mode: 'once' as const }, savedAt: 1 };
      const { publishId: _p, repeat: _r, ...message } = template.message;
      const saved = { ...template, message };
      expect((await call('workbench.templateSave', saved)).templates).toEqual([saved]);
      expect((await call('workbench.templateSave', { ...saved, id: 't2', name: 'Second' })).templates.map((t) => t.id)).toEqual(['t2', 't1']);
      const sentBefore = (await call('workbench.sent', {})).sent;

      const restarted = caller(createPublishService({ ...w.deps }).handlers);
      expect((await restarted('workbench.templates', {})).templates.map((t) => t.name)).toEqual(['Second', 'Order']);
      expect((await restarted('workbench.sent', {})).sent).toEqual(sentBefore);
      expect((await restarted('workbench.templateRemove', { id: 't2' })).templates.map((t) => t.id)).toEqual(['t1']);
      const file = path.join(dataDir, 'workbench', 'test-profile.templates.json');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(path.join(dataDir, 'workbench', 'test-profile.sent.json'))).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(file, 'utf8')).items).toHaveLength(1);
    });

    it('a damaged templates file is logged and set aside; the list starts empty', async () => {
      const file = path.join(dataDir, 'workbench', 'test-profile.templates.json');
      await writeFile(file, '{"items": [ broken');
      const fresh = caller(createPublishService({ ...w.deps }).handlers);
      expect((await fresh('workbench.templates', {})).templates).toEqual([]);
      expect(await readFile(`${file}.damaged`, 'utf8')).toBe('{"items": [ broken');
      expect((w.deps.log as unknown as { lines: string[] }).lines.some((l) => l.includes('workbench templates unreadable'))).toBe(true);
    });
  });
}

const rabbitTarget = (await workbenchTargets()).find((t) => t.name === 'RabbitMQ');
describe.skipIf(!rabbitTarget?.available)('workbench.publish into another vhost than the profile\'s (RabbitMQ)', () => {
  const vhost = uniqueName('publish-vhost');
  const closed = uniqueName('publish-closed-vhost');
  let w: ConnectedWorkbench;
  let call: ReturnType<typeof caller>;

  beforeAll(async () => {
    await createVhost(vhost);
    await createVhost(closed);
    await revokePermissions(closed, RABBIT_USER);
    w = await connectWorkbench(await (rabbitTarget as NonNullable<typeof rabbitTarget>).start());
    w.deps.dataDir = await mkdtemp(path.join(tmpdir(), 'warren-publish-vhost-'));
    call = caller(createPublishService(w.deps).handlers);
  });
  afterAll(async () => {
    await w?.close();
    await deleteVhost(vhost);
    await deleteVhost(closed);
    await rm(w.deps.dataDir, { recursive: true, force: true });
  });

  it('publishes there on a connection of its own', async () => {
    const admin = await amqp.connect({ hostname: '127.0.0.1', username: RABBIT_USER, password: RABBIT_PASSWORD, vhost });
    const ch = await admin.createChannel();
    await ch.assertQueue('only-here', { durable: false });
    try {
      expect(await call('workbench.publish', publishArgs({ vhost, routingKey: 'only-here', repeat: { mode: 'count', count: 3 } }))).toMatchObject({ status: 'done', confirmed: 3 });
      expect((await ch.checkQueue('only-here')).messageCount).toBe(3);
    } finally {
      await admin.close();
    }
  });

  it('a vhost the user may not use is refused in words, before anything is sent', async () => {
    const err = await call('workbench.publish', publishArgs({ vhost: closed, routingKey: 'q' })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'broker' });
    expect((err as Error).message).toMatch(/access|permission|refused/i);
    expect((err as Error).message).toContain(closed);
  });
});
