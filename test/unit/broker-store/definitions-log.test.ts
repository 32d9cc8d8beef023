// The definitions log: replaying records over a snapshot, torn tails, and the
// store's compaction into a new snapshot and log generation.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../../electron/broker/main.js';
import { parseLog, replay, tableOut, type StoredBinding, type StoredDefinitions } from '../../../electron/broker/store/definitions-log.js';
import { DEFINITIONS_FILE, logFile, readDefinitions } from '../../../electron/broker/store/definitions.js';
import { connect, start, startCli, tempDir, type CliBroker } from './support.js';

const empty: StoredDefinitions = {
  users: [], vhosts: [{ name: '/' }, { name: 'v' }], permissions: [], topic_permissions: [], policies: [], parameters: [], global_parameters: [], exchanges: [], queues: [], bindings: [],
};
const NONE = tableOut({});
const binding = (source: string, destination: string, extra: Partial<StoredBinding> = {}): StoredBinding => ({
  vhost: '/', source, destination, destination_type: 'queue', routing_key: 'k', arguments: NONE, ...extra,
});

describe('replaying the definitions log', () => {
  it('applies declares, binds and unbinds in order; unbinding matches arguments in any order', () => {
    const ab = tableOut({ a: { type: 'S', value: '1' }, b: { type: 'S', value: '2' } });
    const ba = tableOut({ b: { type: 'S', value: '2' }, a: { type: 'S', value: '1' } });
    const out = replay(empty, [
      { op: 'exchange', exchange: { vhost: '/', name: 'x', type: 'direct', auto_delete: false, internal: false, arguments: NONE } },
      { op: 'queue', queue: { vhost: '/', name: 'q', auto_delete: false, arguments: NONE } },
      { op: 'bound', binding: binding('x', 'q') },
      { op: 'bound', binding: binding('x', 'q', { arguments: ab }) },
      { op: 'unbound', binding: binding('x', 'q', { arguments: ba }) },
    ]);
    expect(out.exchanges.map((x) => x.name)).toEqual(['x']);
    expect(out.queues.map((q) => q.name)).toEqual(['q']);
    expect(out.bindings).toEqual([binding('x', 'q')]);
  });

  it('drops the bindings of a deleted queue or exchange, as the broker does', () => {
    const start: StoredDefinitions = {
      ...empty,
      exchanges: ['x', 'y'].map((name) => ({ vhost: '/', name, type: 'fanout', auto_delete: false, internal: false, arguments: NONE })),
      queues: [{ vhost: '/', name: 'q', auto_delete: false, arguments: NONE }, { vhost: '/', name: 'r', auto_delete: false, arguments: NONE }],
      bindings: [binding('x', 'q'), binding('x', 'r'), binding('y', 'r'), binding('x', 'y', { destination_type: 'exchange' })],
    };
    expect(replay(start, [{ op: 'queue.deleted', vhost: '/', name: 'q' }]).bindings).toEqual([binding('x', 'r'), binding('y', 'r'), binding('x', 'y', { destination_type: 'exchange' })]);
    expect(replay(start, [{ op: 'exchange.deleted', vhost: '/', name: 'y' }]).bindings).toEqual([binding('x', 'q'), binding('x', 'r')]);
  });

  it('a vhost dropped from the registry takes its exchanges, queues and bindings along; a later vhost of that name starts empty', () => {
    const start: StoredDefinitions = {
      ...empty,
      queues: [{ vhost: 'v', name: 'q', auto_delete: false, arguments: NONE }, { vhost: '/', name: 'q', auto_delete: false, arguments: NONE }],
      bindings: [binding('amq.direct', 'q', { vhost: 'v' })],
    };
    const auth = (vhosts: string[]) => ({ users: [], vhosts: vhosts.map((name) => ({ name })), permissions: [], topic_permissions: [] });
    const out = replay(start, [{ op: 'auth', auth: auth(['/']) }, { op: 'auth', auth: auth(['/', 'v']) }]);
    expect(out.vhosts).toEqual([{ name: '/' }, { name: 'v' }]);
    expect(out.queues).toEqual([{ vhost: '/', name: 'q', auto_delete: false, arguments: NONE }]);
    expect(out.bindings).toEqual([]);
  });

  it('ignores a torn last record and refuses garbage before it', () => {
    const q = JSON.stringify({ op: 'queue', queue: { vhost: '/', name: 'q', auto_delete: false, arguments: NONE } });
    expect(parseLog('')).toEqual([]);
    expect(parseLog(`${q}\n${q.slice(0, 20)}`)).toHaveLength(1);
    expect(() => parseLog(`${q.slice(0, 20)}\n${q}\n`)).toThrow(/line 1 is not a record/);
  });
});

let running: RunningBroker[] = [];
let children: CliBroker[] = [];
afterEach(async () => {
  await Promise.all(running.map((b) => b.close()));
  await Promise.all(children.map((c) => c.kill('SIGKILL').catch(() => undefined)));
  running = [];
  children = [];
});

describe('the definitions store', () => {
  it('records each durable change in the log, not the snapshot, and a SIGKILLed broker comes back with them', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const first = await startCli(dir);
    children.push(first);
    const snapshot = readFileSync(join(dir, DEFINITIONS_FILE), 'utf8');
    const conn = await connect(first.port);
    const ch = await conn.createChannel();
    await ch.assertExchange('x', 'topic', { durable: true });
    await ch.assertQueue('q', { durable: true });
    await ch.bindQueue('q', 'x', 'a.#');
    await ch.assertQueue('gone', { durable: true });
    await ch.deleteQueue('gone');
    await first.kill('SIGKILL');
    expect(readFileSync(join(dir, DEFINITIONS_FILE), 'utf8')).toBe(snapshot);
    expect(readFileSync(join(dir, logFile(1)), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { op: string }).op))
      .toEqual(['exchange', 'queue', 'bound', 'queue', 'queue.deleted']);

    const again = readDefinitions(dir)!;
    expect(again.definitions.queues.map((q) => q.name)).toEqual(['q']);
    expect(again.definitions.bindings.map((b) => b.routing_key)).toEqual(['a.#']);
    const second = await start(dir);
    running.push(second);
    // A start writes the replayed state as the next snapshot, with an empty log beside it; the old log is gone.
    expect(readdirSync(dir).filter((f) => f.endsWith('.log'))).toEqual([logFile(2)]);
    expect(JSON.parse(readFileSync(join(dir, DEFINITIONS_FILE), 'utf8'))).toMatchObject({ log: 2, queues: [{ name: 'q' }] });
  });

  it('compacts into a new snapshot once the log outgrows it, and restarts from the pair', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const b = await start(dir);
    running.push(b);
    const v = b.server.vhost('/')!;
    const long = 'n'.repeat(2000);
    // About 2 MiB of records (long names, few fsyncs): past the 1 MiB floor, so at least one compaction.
    for (let i = 0; i < 700; i++) {
      const q = v.declareQueue({ name: `${long}.${i}`, passive: false, durable: true, exclusive: false, autoDelete: false, arguments: {} }, {});
      if (i % 2 === 1) v.deleteQueue(q);
    }
    const { generation } = readDefinitions(dir)!;
    expect(generation).toBeGreaterThan(1);
    expect(existsSync(join(dir, logFile(generation - 1)))).toBe(false);
    await b.close();
    running = [];
    const again = await start(dir);
    running.push(again);
    const names = [...again.server.vhost('/')!.queues.keys()];
    expect(names).toHaveLength(350);
    expect(names.every((n) => Number(n.slice(long.length + 1)) % 2 === 0)).toBe(true);
  });
});
