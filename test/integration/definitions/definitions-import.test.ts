import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitionsHandlers } from '../../../electron/backend/definitions/definitions-handlers.js';
import type { EventHub } from '../../../electron/backend/events.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import { type ManagementClient, createManagementClient } from '../../../electron/backend/management/management-client.js';
import type { SessionController } from '../../../electron/backend/session/session-controller.js';
import { globalParameterPath, parameterPath, queuePath, topicPermissionPath, userPath, vhostPath } from '../../../electron/backend/topology/change-requests.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker } from '../../../electron/broker/main.js';
import type { ApplyProgress } from '../../../shared/topology/change.js';
import { RABBITMQ_MANAGEMENT_URL, rabbitAvailable } from '../../support/requirements.js';
import { RABBIT_PASSWORD, RABBIT_USER, uniqueName } from '../support/rabbit-admin.js';

const rabbit = await rabbitAvailable();
const shopFixture = readFileSync('test/fixtures/rabbitmq-3.10/definitions-vhost-shop.json', 'utf8');
/** The embedded broker serves classic queues only: there the fixture's quorum queue is made classic. */
const classicOnly = (text: string): string => {
  const doc = JSON.parse(text);
  for (const q of doc.queues) delete q.arguments['x-queue-type'];
  return JSON.stringify(doc);
};

type Target = { name: string; embedded: boolean; start(): Promise<{ client: ManagementClient; close(): Promise<void> }> };
const clientFor = (baseUrl: string, username: string, password: string): ManagementClient =>
  createManagementClient({ baseUrl, username, password, tls: { rejectUnauthorized: true }, timeoutMs: 10_000 });

const targets: Target[] = [
  {
    name: 'embedded broker',
    embedded: true,
    async start() {
      const broker = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger });
      return { client: clientFor(broker.httpUrl as string, 'guest', 'guest'), close: () => broker.close() };
    },
  },
  ...(rabbit
    ? [{ name: 'RabbitMQ', embedded: false, start: async () => ({ client: clientFor(RABBITMQ_MANAGEMENT_URL, RABBIT_USER, RABBIT_PASSWORD), close: async () => undefined }) }]
    : []),
];

/** The handlers as the backend wires them, on a session that is connected to `client`. */
function handlersOn(client: ManagementClient) {
  const progress: ApplyProgress[] = [];
  const hub: EventHub = {
    emit: (event, payload) => {
      if (event === 'definitions.progress') progress.push(payload as ApplyProgress);
    },
    subscribe: () => () => undefined,
  };
  const session = { broker: () => ({ profileId: 'test', management: client, amqp: null as never }) } as unknown as SessionController;
  return { h: definitionsHandlers(session, hub, memoryLogger()), progress };
}

describe.each(targets)('definitions import against the $name', (target) => {
  let client: ManagementClient;
  let close: () => Promise<void>;
  let h: ReturnType<typeof handlersOn>['h'];
  let progress: ApplyProgress[];
  const vhost = `${uniqueName('defs')} shop/ü.x`;
  const shopFile = target.embedded ? classicOnly(shopFixture) : shopFixture;

  beforeAll(async () => {
    ({ client, close } = await target.start());
    ({ h, progress } = handlersOn(client));
    await client.send({ method: 'PUT', path: vhostPath(vhost), body: {} });
  });
  afterAll(async () => {
    await client.send({ method: 'DELETE', path: vhostPath(vhost) }).catch(() => undefined);
    await close();
  });

  it.runIf(target.embedded)('shows the embedded broker refusing a quorum queue next to its change, and applies nothing', async () => {
    const result = await h['definitions.apply']({ text: shopFixture, vhost, sync: false, applyId: 'a0' });
    expect(result.ok).toBe(false);
    const failed = result.outcomes.filter((o) => o.status === 'failed');
    expect(failed.map((o) => result.changes[o.index])).toEqual([expect.objectContaining({ kind: 'declareQueue', name: 'orders.audit' })]);
    expect(failed[0]!.error).toMatch(/quorum/);
    expect(result.outcomes.filter((o) => o.status === 'applied')).toEqual([]);
    await expect(client.send({ method: 'GET', path: queuePath(vhost, 'orders.paid') })).rejects.toThrow(/404/);
  });

  it('plans the single-vhost fixture into an odd vhost name, applies it, and an export compares equal', async () => {
    const plan = await h['definitions.plan']({ text: shopFile, vhost, sync: false });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.steps.every((s) => s.action === 'create')).toBe(true);
    expect(plan.changes.filter((c) => c.kind === 'declareQueue')).toHaveLength(8);
    expect(plan.changes.filter((c) => c.kind === 'putParameter')).toEqual([{ kind: 'putParameter', component: 'vhost-limits', vhost, name: 'limits', value: { 'max-queues': 500 } }]);
    expect(plan.problems).toEqual([]);

    const result = await h['definitions.apply']({ text: shopFile, vhost, sync: false, applyId: 'a1' });
    expect(result.outcomes.filter((o) => o.error)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.mode).toBe(target.embedded ? 'definitions' : 'per-entity');
    expect(result.outcomes.every((o) => o.status === 'applied')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ applyId: 'a1', phase: 'done', current: null });
    await client.send({ method: 'GET', path: queuePath(vhost, 'orders.paid') });

    const exported = await h['definitions.export']({ vhost, includeUsers: false });
    const compared = await h['definitions.compare']({ left: { kind: 'file', text: shopFile, label: 'shop.json' }, right: { kind: 'file', text: exported.text, label: exported.fileName } });
    expect(compared.entries.filter((e) => e.status !== 'same').map((e) => `${e.entity}:${e.name}:${e.status}`)).toEqual([]);
    // A single-vhost file against the broker's vhost, and against the whole broker (scoped to that vhost).
    for (const right of [{ kind: 'broker' as const, vhost }, { kind: 'broker' as const, vhost: null }]) {
      const live = await h['definitions.compare']({ left: { kind: 'file', text: shopFile, label: 'shop.json', vhost }, right });
      expect(live.entries.filter((e) => e.status !== 'same').map((e) => `${e.entity}:${e.name}:${e.status}`)).toEqual([]);
      expect(live.entries.filter((e) => e.status === 'same')).toHaveLength(25);
    }
    const again = await h['definitions.plan']({ text: shopFile, vhost, sync: false });
    expect(again.changes).toEqual([]);
  });

  it('lists what a sync deletes, with the messages its queues hold', async () => {
    await client.send({ method: 'PUT', path: queuePath(vhost, 'extra q'), body: { durable: true, auto_delete: false, arguments: {} } });
    for (let i = 0; i < 3; i++) {
      await client.send({ method: 'POST', path: `api/exchanges/${encodeURIComponent(vhost)}/amq.default/publish`, body: { properties: {}, routing_key: 'extra q', payload: 'x', payload_encoding: 'string' } });
    }
    await expect.poll(async () => (await h['definitions.plan']({ text: shopFile, vhost, sync: true })).deletions, { timeout: 15_000 })
      .toEqual([{ entity: 'queue', vhost, name: 'extra q', messages: 3 }]);
    const result = await h['definitions.apply']({ text: shopFile, vhost, sync: true, applyId: 'a2' });
    expect(result.ok).toBe(true);
    await expect(client.send({ method: 'GET', path: queuePath(vhost, 'extra q') })).rejects.toThrow(/404/);
  });

  it('stops at a refused change, reports it next to the change and leaves nothing created', async () => {
    const file = JSON.stringify({
      rabbit_version: '3.13.0',
      exchanges: [{ name: 'new.x', type: 'topic', durable: true, auto_delete: false, internal: false, arguments: {} }],
      queues: [
        { name: 'new.ok', durable: true, auto_delete: false, arguments: {} },
        { name: 'z.bad', durable: true, auto_delete: false, arguments: { 'x-max-length': -1 } },
      ],
      bindings: [{ source: 'new.x', destination: 'new.ok', destination_type: 'queue', routing_key: 'k', arguments: {} }],
    });
    const result = await h['definitions.apply']({ text: file, vhost, sync: false, applyId: 'a3' });
    expect(result.ok).toBe(false);
    const byName = (kind: string, name: string) => result.outcomes[result.changes.findIndex((c) => c.kind === kind && 'name' in c && c.name === name)]!;
    expect(byName('declareQueue', 'z.bad')).toMatchObject({ status: 'failed', error: expect.stringMatching(/x-max-length/) });
    expect(byName('declareQueue', 'new.ok').status).toBe(target.embedded ? 'not-attempted' : 'rolled-back');
    expect(byName('declareExchange', 'new.x').status).toBe(target.embedded ? 'not-attempted' : 'rolled-back');
    expect(result.outcomes.find((o) => result.changes[o.index]!.kind === 'bind')!.status).toBe('not-attempted');
    await expect(client.send({ method: 'GET', path: queuePath(vhost, 'new.ok') })).rejects.toThrow(/404/);
  });

  it("reads the broker's own whole export without problems, and plans no change to anything in it", async () => {
    const exported = await h['definitions.export']({ vhost: null, includeUsers: true });
    expect(JSON.parse(exported.text).users.length).toBeGreaterThan(0);
    const plan = await h['definitions.plan']({ text: exported.text, sync: false });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.summary?.form).toBe('broker');
    // Other suites may add or delete things between the two reads; nothing that is on both may differ.
    expect(plan.steps.filter((s) => s.action !== 'create')).toEqual([]);
    const again = await h['definitions.export']({ vhost: null, includeUsers: false });
    expect(JSON.parse(again.text).users).toBeUndefined();
  });

  it('imports topic permissions and global parameters, plans nothing the second time, and a sync of the vhost deletes its parameter', async () => {
    const user = uniqueName('defs-topic');
    const global = uniqueName('warren-defs-global');
    try {
      const file = JSON.stringify({
        rabbit_version: '3.13.0',
        users: [{ name: user, password_hash: '', tags: '' }],
        topic_permissions: [
          { user, vhost, exchange: 'amq.topic', write: '^orders\\.', read: '.*' },
          { user, vhost, exchange: 'events.topic', write: '', read: '^b' },
        ],
        global_parameters: [{ name: global, value: { a: 1 } }],
      });
      const plan = await h['definitions.plan']({ text: file, sync: false });
      expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(plan.problems).toEqual([]);
      expect(plan.changes.map((c) => c.kind)).toEqual(['putGlobalParameter', 'putUser', 'putTopicPermission', 'putTopicPermission']);
      const result = await h['definitions.apply']({ text: file, sync: false, applyId: 'a5' });
      expect(result.outcomes.filter((o) => o.status !== 'applied')).toEqual([]);
      const topics = (await client.send({ method: 'GET', path: topicPermissionPath(vhost, user) })).json as { exchange: string; write: string; read: string }[];
      expect(topics.map((t) => `${t.exchange}:${t.write}:${t.read}`).sort()).toEqual(['amq.topic:^orders\\.:.*', 'events.topic::^b']);
      expect((await client.send({ method: 'GET', path: globalParameterPath(global) })).json).toMatchObject({ value: { a: 1 } });
      expect((await h['definitions.plan']({ text: file, sync: false })).changes).toEqual([]);

      const noLimits = JSON.stringify({ ...JSON.parse(shopFile), parameters: [] });
      const sync = await h['definitions.plan']({ text: noLimits, vhost, sync: true });
      expect(sync.deletions).toEqual([{ entity: 'parameter', vhost, name: 'vhost-limits/limits', messages: null }]);
      expect((await h['definitions.apply']({ text: noLimits, vhost, sync: true, applyId: 'a6' })).ok).toBe(true);
      await expect(client.send({ method: 'GET', path: parameterPath('vhost-limits', vhost, 'limits') })).rejects.toThrow(/404/);
    } finally {
      await client.send({ method: 'DELETE', path: userPath(user) }).catch(() => undefined);
      await client.send({ method: 'DELETE', path: globalParameterPath(global) }).catch(() => undefined);
    }
  });

  it('refuses a file with problems and applies nothing', async () => {
    const bad = JSON.stringify({ rabbit_version: '3.13.0', queues: [{ name: 'q', durable: 'yes', auto_delete: false }] });
    const plan = await h['definitions.plan']({ text: bad, vhost, sync: false });
    expect(plan.problems).toContainEqual({ path: '$.queues[0].durable', message: 'must be a boolean, got string', severity: 'error' });
    await expect(h['definitions.apply']({ text: bad, vhost, sync: false, applyId: 'a4' })).rejects.toThrow(/nothing was applied/);
  });
});
