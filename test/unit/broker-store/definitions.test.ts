// Durable definitions in --data-dir: what is durable comes back after a
// restart (clean close and SIGKILL), what is transient does not; unusable
// data directories are refused with the path and the problem.
import { mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthRegistry } from '../../../electron/broker/auth/index.js';
import type { RunningBroker } from '../../../electron/broker/main.js';
import { openDataDir, StoreError, STORE_VERSION } from '../../../electron/broker/store/data-dir.js';
import { DEFINITIONS_FILE, logFile } from '../../../electron/broker/store/definitions.js';
import { codeOf, connect, runCliFailing, start, startCli, tempDir, type CliBroker } from './support.js';

let running: RunningBroker[] = [];
let children: CliBroker[] = [];
afterEach(async () => {
  await Promise.all(running.map((b) => b.close()));
  await Promise.all(children.map((c) => c.kill('SIGKILL').catch(() => undefined)));
  running = [];
  children = [];
});

async function started(dir: string, registry?: AuthRegistry): Promise<RunningBroker> {
  const b = await start(dir, { registry });
  running.push(b);
  return b;
}

/** Declares a mix of durable and transient things on `/`. */
async function declareMix(port: number): Promise<void> {
  const conn = await connect(port);
  const ch = await conn.createChannel();
  await ch.assertExchange('d.topic', 'topic', { durable: true, alternateExchange: 'd.ae' });
  await ch.assertExchange('d.ae', 'fanout', { durable: true });
  await ch.assertExchange('t.direct', 'direct', { durable: false });
  await ch.assertQueue('d.q', { durable: true, arguments: { 'x-max-length': 5, 'x-dead-letter-exchange': 'd.ae' } });
  await ch.assertQueue('d.ae.q', { durable: true });
  await ch.assertQueue('t.q', { durable: false });
  await ch.assertQueue('d.gone', { durable: true });
  await ch.bindQueue('d.q', 'd.topic', 'a.*');
  await ch.bindQueue('d.ae.q', 'd.ae', '');
  await ch.bindQueue('t.q', 'd.topic', '#');
  await ch.bindExchange('d.ae', 'd.topic', 'e2e.#');
  await ch.bindQueue('d.q', 't.direct', 'k');
  await ch.deleteQueue('d.gone');
  await conn.close();
}

/** Checks that exactly the durable part of declareMix came back. */
async function checkMix(port: number): Promise<void> {
  const conn = await connect(port);
  const ch = await conn.createChannel();
  await ch.checkExchange('d.topic');
  await ch.checkExchange('d.ae');
  // Same arguments: equivalent; different ones: 406, so the arguments came back with their types.
  await ch.assertQueue('d.q', { durable: true, arguments: { 'x-max-length': 5, 'x-dead-letter-exchange': 'd.ae' } });
  expect(await codeOf(ch.assertQueue('d.q', { durable: true, arguments: { 'x-max-length': 6 } }))).toBe(406);
  const ch2 = await conn.createChannel();
  expect(await codeOf(ch2.checkQueue('t.q'))).toBe(404);
  const ch3 = await conn.createChannel();
  expect(await codeOf(ch3.checkExchange('t.direct'))).toBe(404);
  const ch4 = await conn.createChannel();
  expect(await codeOf(ch4.checkQueue('d.gone'))).toBe(404);
  const ch5 = await conn.createChannel();
  await ch5.purgeQueue('d.q');
  await ch5.purgeQueue('d.ae.q');
  ch5.publish('d.topic', 'a.b', Buffer.from('bound'));
  ch5.publish('d.topic', 'e2e.x', Buffer.from('exchange-to-exchange'));
  ch5.publish('d.topic', 'nothing', Buffer.from('alternate'));
  await new Promise((r) => setTimeout(r, 50));
  const fromQ = await ch5.get('d.q', { noAck: true });
  expect(fromQ && fromQ.content.toString()).toBe('bound');
  const aeBodies: string[] = [];
  for (let m = await ch5.get('d.ae.q', { noAck: true }); m; m = await ch5.get('d.ae.q', { noAck: true })) aeBodies.push(m.content.toString());
  expect(aeBodies.sort()).toEqual(['alternate', 'exchange-to-exchange']);
  await conn.close();
}

describe('durable definitions', () => {
  it('restores durable exchanges, queues and bindings after a clean restart; transient ones are gone', async () => {
    const dir = tempDir();
    const first = await started(dir);
    await declareMix(first.port);
    await first.close();
    const second = await started(dir);
    await checkMix(second.port);
  });

  it('restores them after the broker process is SIGKILLed', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const first = await startCli(dir);
    children.push(first);
    await declareMix(first.port);
    await first.kill('SIGKILL');
    const second = await startCli(dir);
    children.push(second);
    await checkMix(second.port);
  });

  it('restores vhosts, users and permissions, and a deleted default user stays deleted', async () => {
    const dir = tempDir();
    const registry = AuthRegistry.withDefaults();
    const first = await started(dir, registry);
    registry.addVhost('orders');
    registry.addUser('alice', 's3cret', ['management']);
    registry.setPermissions('alice', 'orders', { configure: '^o\\.', write: '.*', read: '.*' });
    registry.deleteUser('guest');
    const conn = await connect(first.port, 'alice', 's3cret', 'orders');
    const ch = await conn.createChannel();
    await ch.assertQueue('o.q', { durable: true });
    await conn.close();
    await first.close();

    const second = await started(dir);
    const again = await connect(second.port, 'alice', 's3cret', 'orders');
    const ch2 = await again.createChannel();
    await ch2.checkQueue('o.q');
    expect(await codeOf(ch2.assertQueue('x.q'))).toBe(403);
    await again.close();
    await expect(connect(second.port, 'guest', 'guest')).rejects.toThrow(/ACCESS_REFUSED|403/);
  });

  it('forgets durable things deleted before the restart, and unbinds', async () => {
    const dir = tempDir();
    const first = await started(dir);
    const conn = await connect(first.port);
    const ch = await conn.createChannel();
    await ch.assertExchange('x', 'direct', { durable: true });
    await ch.assertQueue('q', { durable: true });
    await ch.bindQueue('q', 'x', 'k');
    await ch.unbindQueue('q', 'x', 'k');
    await ch.assertExchange('gone', 'fanout', { durable: true });
    await ch.deleteExchange('gone');
    await conn.close();
    await first.close();
    const stored = JSON.parse(readFileSync(join(dir, DEFINITIONS_FILE), 'utf8')) as { bindings: unknown[]; exchanges: { name: string }[] };
    expect(stored.bindings).toEqual([]);
    expect(stored.exchanges.map((x) => x.name)).toEqual(['x']);
    const second = await started(dir);
    const c2 = await connect(second.port);
    const ch2 = await c2.createChannel();
    await ch2.checkExchange('x');
    expect(await codeOf(ch2.checkExchange('gone'))).toBe(404);
    await c2.close();
  });

  it('keeps the directory free of temp files and writes nothing when only transient things change', async () => {
    const dir = tempDir();
    const b = await started(dir);
    const before = readFileSync(join(dir, DEFINITIONS_FILE), 'utf8');
    const conn = await connect(b.port);
    const ch = await conn.createChannel();
    await ch.assertQueue('', { exclusive: true });
    await ch.assertQueue('t', { durable: false });
    await conn.close();
    expect(readFileSync(join(dir, DEFINITIONS_FILE), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, logFile(1)), 'utf8')).toBe('');
    expect(readdirSync(dir).sort()).toEqual([logFile(1), DEFINITIONS_FILE, 'meta.json', 'queues']);
  });
});

describe('unusable data directories', () => {
  it('refuses a path it cannot create, naming it (CLI: exit 1)', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'x');
    const target = join(dir, 'a-file', 'data');
    expect(() => openDataDir(target)).toThrow(StoreError);
    const r = await runCliFailing(target);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`data directory ${target}: cannot create it (a path component is not a directory)`);
  });

  it('refuses a store of another format version and leaves it untouched', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const meta = JSON.stringify({ format: 'warren-store', version: STORE_VERSION + 1 });
    writeFileSync(join(dir, 'meta.json'), meta);
    writeFileSync(join(dir, DEFINITIONS_FILE), '{"future":true}');
    const r = await runCliFailing(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`data directory ${dir}: holds store format version ${STORE_VERSION + 1}; this broker reads version ${STORE_VERSION}`);
    expect(readFileSync(join(dir, 'meta.json'), 'utf8')).toBe(meta);
    expect(readFileSync(join(dir, DEFINITIONS_FILE), 'utf8')).toBe('{"future":true}');
  });

  it('refuses a non-empty directory that is not a Warren store', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'mnesia'));
    await expect(start(dir)).rejects.toThrow(`data directory ${dir}: holds files (mnesia) but no meta.json: not a Warren data directory; refusing to use it`);
    expect(readdirSync(dir)).toEqual(['mnesia']);
  });

  it('refuses a damaged definitions file instead of starting empty', async () => {
    const dir = tempDir();
    const b = await start(dir);
    await b.close();
    writeFileSync(join(dir, DEFINITIONS_FILE), '{"users": [');
    await expect(start(dir)).rejects.toThrow(`data directory ${dir}: ${DEFINITIONS_FILE} is damaged`);
    expect(readFileSync(join(dir, DEFINITIONS_FILE), 'utf8')).toBe('{"users": [');
  });
});
