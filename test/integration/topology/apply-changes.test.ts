import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ManagementClient, createManagementClient } from '../../../electron/backend/management/management-client.js';
import { applyChanges } from '../../../electron/backend/topology/apply-changes.js';
import { bindingsPath, exchangePath, globalParameterPath, parameterPath, queuePath, topicPermissionPath, userPath, vhostPath } from '../../../electron/backend/topology/change-requests.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { type RunningBroker, startBroker } from '../../../electron/broker/main.js';
import type { ApplyProgress, Change } from '../../../shared/topology/change.js';
import { RABBITMQ_MANAGEMENT_URL, rabbitAvailable } from '../../support/requirements.js';
import { RABBIT_PASSWORD, RABBIT_USER, uniqueName } from '../support/rabbit-admin.js';

const rabbit = await rabbitAvailable();

type Target = { name: string; start(): Promise<{ client: ManagementClient; close(): Promise<void> }> };
const clientFor = (baseUrl: string, username: string, password: string): ManagementClient =>
  createManagementClient({ baseUrl, username, password, tls: { rejectUnauthorized: true }, timeoutMs: 10_000 });

const targets: Target[] = [
  {
    name: 'embedded broker',
    async start() {
      const broker: RunningBroker = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger });
      return { client: clientFor(broker.httpUrl as string, 'guest', 'guest'), close: () => broker.close() };
    },
  },
  ...(rabbit ? [{ name: 'RabbitMQ', start: async () => ({ client: clientFor(RABBITMQ_MANAGEMENT_URL, RABBIT_USER, RABBIT_PASSWORD), close: async () => undefined }) }] : []),
];

const exchange = (vhost: string, name: string, type = 'direct'): Change => ({ kind: 'declareExchange', vhost, name, type, durable: true, autoDelete: false, internal: false, arguments: {} });
const queue = (vhost: string, name: string, durable = true, args: Record<string, unknown> = {}): Change => ({ kind: 'declareQueue', vhost, name, durable, autoDelete: false, arguments: args });
const bind = (vhost: string, source: string, destination: string, routingKey: string, args: Record<string, unknown> = {}, destinationType: 'queue' | 'exchange' = 'queue'): Change =>
  ({ kind: 'bind', vhost, source, destination, destinationType, routingKey, arguments: args });

describe.each(targets)('applyChanges against the $name', (target) => {
  let client: ManagementClient;
  let close: () => Promise<void>;
  const vhost = `${uniqueName('apply')} with space/slash ü`;
  const odd = (s: string) => `${s} . / ✓ ${Math.random().toString(36).slice(2, 6)}`;

  const exists = async (path: string) => client.send({ method: 'GET', path }).then(() => true, () => false);
  const bindingKeys = async (b: { vhost: string; source: string; destination: string; destinationType: 'queue' | 'exchange' }) =>
    ((await client.send({ method: 'GET', path: bindingsPath(b) })).json as { routing_key: string }[]).map((r) => r.routing_key).sort();

  beforeAll(async () => {
    ({ client, close } = await target.start());
    const result = await applyChanges(client, [{ kind: 'putVhost', name: vhost, description: 'warren apply test' }]);
    expect(result.ok).toBe(true);
  });
  afterAll(async () => {
    await client.send({ method: 'DELETE', path: vhostPath(vhost) }).catch(() => undefined);
    await close();
  });

  it('applies a set in dependency order whatever order it came in, with progress, names with spaces, dots, slashes and unicode', async () => {
    const x = odd('ex'), x2 = odd('ex2'), q = odd('q'), h = odd('hq');
    const progress: Omit<ApplyProgress, 'applyId'>[] = [];
    const changes: Change[] = [
      bind(vhost, x, q, 'a.b/c ü'),
      bind(vhost, x, x2, 'to-ex', {}, 'exchange'),
      bind(vhost, x2, h, '', { 'x-match': 'all', format: 'pdf' }),
      queue(vhost, q, true, { 'x-message-ttl': 60_000, 'x-max-length': 10 }),
      queue(vhost, h),
      exchange(vhost, x2, 'headers'),
      exchange(vhost, x, 'topic'),
    ];
    const result = await applyChanges(client, changes, { onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ ok: true, outcomes: changes.map((_, index) => ({ index, status: 'applied' })) });
    expect(progress.map((p) => p.current)).toEqual([5, 6, 3, 4, 0, 1, 2, null]);
    expect(progress.at(-1)).toEqual({ done: 7, total: 7, current: null, phase: 'done' });

    expect(await bindingKeys({ vhost, source: x, destination: q, destinationType: 'queue' })).toEqual(['a.b/c ü']);
    expect(await bindingKeys({ vhost, source: x, destination: x2, destinationType: 'exchange' })).toEqual(['to-ex']);
    const { json } = await client.send({ method: 'GET', path: queuePath(vhost, q) });
    expect(json).toMatchObject({ name: q, durable: true, arguments: { 'x-message-ttl': 60_000, 'x-max-length': 10 } });

    // And taken down again: unbinds (found by routing key and arguments), then the deletes.
    const down: Change[] = [
      { kind: 'deleteExchange', vhost, name: x },
      { kind: 'unbind', vhost, source: x2, destination: h, destinationType: 'queue', routingKey: '', arguments: { format: 'pdf', 'x-match': 'all' } },
      { kind: 'deleteQueue', vhost, name: q },
      { kind: 'unbind', vhost, source: x, destination: q, destinationType: 'queue', routingKey: 'a.b/c ü', arguments: {} },
    ];
    expect((await applyChanges(client, down)).ok).toBe(true);
    expect(await bindingKeys({ vhost, source: x2, destination: h, destinationType: 'queue' })).toEqual([]);
    expect(await exists(exchangePath(vhost, x))).toBe(false);
    expect(await exists(queuePath(vhost, q))).toBe(false);
    expect(await exists(queuePath(vhost, h))).toBe(true);
  });

  it('stops at a refused change with the broker reason; later changes are not attempted, earlier ones stay applied', async () => {
    const x = odd('ex'), a = odd('a'), b = odd('b');
    const changes: Change[] = [exchange(vhost, x), queue(vhost, a), bind(vhost, x, a, 'k'), queue(vhost, a, false), queue(vhost, b)];
    const result = await applyChanges(client, changes);
    expect(result.ok).toBe(false);
    expect(result.outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'not-attempted', 'failed', 'not-attempted']);
    expect(result.outcomes[3]?.error).toMatch(/durable/);
    expect(await exists(queuePath(vhost, a))).toBe(true);
    expect(await exists(queuePath(vhost, b))).toBe(false);
  });

  it('says a refused reserved name is a refusal, not a login problem', async () => {
    const result = await applyChanges(client, [queue(vhost, 'amq.reserved')]);
    expect(result.outcomes[0]?.status).toBe('failed');
    expect(result.outcomes[0]?.error).toMatch(/^Refused by the broker \(HTTP 401\): Access refused\. The name may be reserved/);
  });

  it('rolls back what it created when asked, and leaves what existed before', async () => {
    const x = odd('ex'), a = odd('a'), existing = odd('existing');
    expect((await applyChanges(client, [queue(vhost, existing)])).ok).toBe(true);
    const changes: Change[] = [exchange(vhost, x), queue(vhost, a), queue(vhost, existing), bind(vhost, x, a, 'k'), bind(vhost, x, 'no such queue', 'k')];
    const phases: string[] = [];
    const result = await applyChanges(client, changes, { rollbackOnFailure: true, onProgress: (p) => phases.push(p.phase) });
    expect(result.ok).toBe(false);
    expect(result.outcomes.map((o) => o.status)).toEqual(['rolled-back', 'rolled-back', 'applied', 'rolled-back', 'failed']);
    expect(result.outcomes[4]?.error).toMatch(/no such queue|not.found|NOT_FOUND/i);
    expect(phases).toContain('rolling-back');
    expect(await exists(exchangePath(vhost, x))).toBe(false);
    expect(await exists(queuePath(vhost, a))).toBe(false);
    expect(await exists(queuePath(vhost, existing))).toBe(true);
  });

  it('recreates a queue to change what the broker cannot change in place', async () => {
    const q = odd('q');
    expect((await applyChanges(client, [queue(vhost, q, true)])).ok).toBe(true);
    const result = await applyChanges(client, [queue(vhost, q, false, { 'x-max-length': 3 }), { kind: 'deleteQueue', vhost, name: q }]);
    expect(result.ok).toBe(true);
    expect((await client.send({ method: 'GET', path: queuePath(vhost, q) })).json).toMatchObject({ durable: false, arguments: { 'x-max-length': 3 } });
  });

  it('puts and deletes topic permissions one exchange at a time, vhost parameters and global parameters, and rolls back the new ones', async () => {
    const user = odd('topic user');
    const global = odd('warren-test-global');
    const global2 = odd('warren-test-global2');
    const topics = async () =>
      ((await client.send({ method: 'GET', path: topicPermissionPath(vhost, user) }).then((r) => r.json, () => [])) as { exchange: string; write: string; read: string }[])
        .map((p) => `${p.exchange}:${p.write}:${p.read}`).sort();
    try {
      const changes: Change[] = [
        { kind: 'putGlobalParameter', name: global, value: { a: [1, 'b'] } },
        { kind: 'putParameter', component: 'vhost-limits', vhost, name: 'limits', value: { 'max-queues': 100 } },
        { kind: 'putTopicPermission', user, vhost, exchange: 'amq.topic', write: '^a', read: '.*' },
        { kind: 'putTopicPermission', user, vhost, exchange: 'other.topic', write: '', read: '^b' },
        { kind: 'putUser', name: user, passwordHash: '', tags: [] },
      ];
      const result = await applyChanges(client, changes);
      expect(result.outcomes.filter((o) => o.status !== 'applied')).toEqual([]);
      expect(await topics()).toEqual(['amq.topic:^a:.*', 'other.topic::^b']);
      expect((await client.send({ method: 'GET', path: parameterPath('vhost-limits', vhost, 'limits') })).json).toMatchObject({ value: { 'max-queues': 100 } });
      expect((await client.send({ method: 'GET', path: globalParameterPath(global) })).json).toMatchObject({ name: global, value: { a: [1, 'b'] } });

      // One exchange's topic permission goes; the user's others in the vhost stay.
      expect((await applyChanges(client, [{ kind: 'deleteTopicPermission', user, vhost, exchange: 'amq.topic' }])).ok).toBe(true);
      expect(await topics()).toEqual(['other.topic::^b']);

      // A rollback takes back the new topic permission and global parameter, and leaves the updated ones.
      const failing: Change[] = [
        { kind: 'putTopicPermission', user, vhost, exchange: 'amq.topic', write: '', read: '' },
        { kind: 'putGlobalParameter', name: global2, value: 1 },
        { kind: 'putGlobalParameter', name: global, value: 2 },
        queue(vhost, odd('bad'), true, { 'x-max-length': -1 }),
      ];
      const rolled = await applyChanges(client, failing, { rollbackOnFailure: true });
      expect(rolled.outcomes.map((o) => o.status)).toEqual(['rolled-back', 'rolled-back', 'applied', 'failed']);
      expect(await topics()).toEqual(['other.topic::^b']);
      expect(await exists(globalParameterPath(global2))).toBe(false);

      const down = await applyChanges(client, [
        { kind: 'deleteGlobalParameter', name: global },
        { kind: 'deleteParameter', component: 'vhost-limits', vhost, name: 'limits' },
        { kind: 'deleteTopicPermission', user, vhost },
      ]);
      expect(down.ok).toBe(true);
      expect(await topics()).toEqual([]);
      expect(await exists(parameterPath('vhost-limits', vhost, 'limits'))).toBe(false);
      expect(await exists(globalParameterPath(global))).toBe(false);
    } finally {
      for (const path of [userPath(user), globalParameterPath(global), globalParameterPath(global2), parameterPath('vhost-limits', vhost, 'limits')]) {
        await client.send({ method: 'DELETE', path }).catch(() => undefined);
      }
    }
  });

  it('works in the / vhost', async () => {
    const q = odd('q in slash vhost');
    try {
      const result = await applyChanges(client, [queue('/', q, false), bind('/', 'amq.direct', q, q)]);
      expect(result.ok).toBe(true);
      expect(await bindingKeys({ vhost: '/', source: 'amq.direct', destination: q, destinationType: 'queue' })).toEqual([q]);
    } finally {
      await applyChanges(client, [{ kind: 'deleteQueue', vhost: '/', name: q }]);
    }
    expect(await exists(queuePath('/', q))).toBe(false);
  });
});
