import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.js';
import { memoryLogger } from '../../electron/backend/logger.js';
import type { Backend } from '../../electron/backend/types.js';
import { type ArgsOf, type MethodName, type ResultOf, events } from '../../shared/api/contract.js';
import { tempDataDir } from '../unit/backend/backend-fixture.js';
import { workbenchTargets } from './support/connected-workbench.js';
import { RABBIT_PASSWORD, RABBIT_USER, uniqueName } from './support/rabbit-admin.js';

/** The real backend on a data folder, as a transport drives it: every call through dispatch (schemas both ways), every event checked. */
async function startBackend(dataDir: string) {
  const backend: Backend = await createBackend({ dataDir, transport: 'web', version: 'test', log: memoryLogger() });
  const invalid: string[] = [];
  backend.subscribe((event, payload) => {
    const checked = events[event].safeParse(payload);
    if (!checked.success) invalid.push(`${event}: ${checked.error.message}`);
  });
  const call = <M extends MethodName>(method: M, args: ArgsOf<M>) => backend.dispatch(method, args) as Promise<ResultOf<M>>;
  return { backend, call, invalid };
}

for (const target of await workbenchTargets()) {
  describe.skipIf(!target.available)(`the backend's publish workbench against ${target.name}`, () => {
    let stop: () => Promise<void>;
    let broker: { amqpUri: string; managementUrl: string };
    let data: Awaited<ReturnType<typeof tempDataDir>>;
    let admin: amqp.ChannelModel;
    const queue = uniqueName('publish-backend');

    beforeAll(async () => {
      const started = await target.start();
      stop = started.stop;
      broker = started;
      data = await tempDataDir();
      const url = new URL(started.amqpUri);
      admin = await amqp.connect({ protocol: 'amqp', hostname: url.hostname, port: Number(url.port), username: RABBIT_USER, password: RABBIT_PASSWORD });
      await (await admin.createChannel()).assertQueue(queue, { durable: false });
    });
    afterAll(async () => {
      await (await admin.createChannel()).deleteQueue(queue).catch(() => undefined);
      await admin?.close();
      await data?.cleanup();
      await stop?.();
    });

    it('publishes through dispatch, and keeps templates and the sent history across a restart of the backend', async () => {
      const first = await startBackend(data.dir);
      const { id } = await first.call('profiles.save', { name: 'publish it', amqpUri: broker.amqpUri, managementUrl: broker.managementUrl, username: RABBIT_USER, password: RABBIT_PASSWORD });
      expect((await first.call('session.connect', { id })).status).toBe('connected');
      const message = { vhost: '/', exchange: '', routingKey: queue, properties: { contentType: 'application/json' }, headers: { n: { type: 'int' as const, value: 1 } }, mandatory: true, confirm: true, templated: false };
      const result = await first.call('workbench.publish', { ...message, publishId: 'run-1', body: { kind: 'inline', bytes: { encoding: 'utf8', data: '{"a":1}' } }, repeat: { mode: 'count', count: 3 } });
      expect(result).toMatchObject({ status: 'done', sent: 3, confirmed: 3 });
      await first.call('workbench.templateSave', { id: 't1', name: 'Order', message: { ...message, body: { encoding: 'utf8', data: '{"a":1}' } }, repeat: { mode: 'once' }, savedAt: 1 });
      // A bad argument is refused by the contract before any handler runs.
      await expect(first.call('workbench.publish', { ...message, publishId: 'bad', body: { kind: 'inline', bytes: { encoding: 'utf8', data: '' } }, repeat: { mode: 'count', count: 0 } })).rejects.toMatchObject({ code: 'invalid_args' });
      await first.backend.close();
      expect(first.invalid).toEqual([]);

      const second = await startBackend(data.dir);
      try {
        expect((await second.call('session.connect', { id })).status).toBe('connected');
        expect((await second.call('workbench.templates', {})).templates).toMatchObject([{ id: 't1', name: 'Order', message: { routingKey: queue } }]);
        const { sent } = await second.call('workbench.sent', {});
        expect(sent).toMatchObject([{ id: result.historyId, status: 'done', counts: { sent: 3, confirmed: 3 }, repeat: { mode: 'count', count: 3 }, message: { body: { data: '{"a":1}' } } }]);
        expect(second.invalid).toEqual([]);
      } finally {
        await second.backend.close();
      }
    });
  });
}
