import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InventoryDelta } from '../../../shared/inventory/delta.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import { createManagementClient } from '../../../electron/backend/management/management-client.js';
import { type Sampler, type SamplerHealth, createSampler } from '../../../electron/backend/sampler/sampler.js';
import { type FixtureServer, startFixtureServer } from './fixture-server.js';

const FAST = { initialMs: 50, factor: 2, maxMs: 200, jitter: 0 };
const until = async (what: string, check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('sampler over HTTP (recorded RabbitMQ responses)', () => {
  let server: FixtureServer;
  let sampler: Sampler | null = null;
  let deltas: InventoryDelta[];
  let health: SamplerHealth[];
  let seq: number;
  const log = memoryLogger();

  beforeEach(async () => {
    server = await startFixtureServer();
    deltas = [];
    health = [];
    seq = 0;
  });
  afterEach(async () => {
    sampler?.stop();
    sampler = null;
    await server.close();
  });

  const start = (intervalMs: number, password = 'guest') => {
    sampler = createSampler({
      client: createManagementClient({ baseUrl: server.url, username: 'guest', password, tls: { rejectUnauthorized: true }, timeoutMs: 2000 }),
      log,
      intervalMs,
      backoff: FAST,
      nextSeq: () => ++seq,
      onSample: (_inventory, delta) => deltas.push(delta),
      onHealth: (h) => health.push(h),
    });
    sampler.start();
    return sampler;
  };

  it('sends a full delta first, then empty deltas while nothing changes, with increasing seqs', async () => {
    start(20);
    await until('3 samples', () => deltas.length >= 3);
    expect(deltas[0]?.full).toBe(true);
    expect(deltas[0]?.queues?.upsert).toHaveLength(13);
    expect(deltas[1]).toMatchObject({ full: false });
    expect(deltas[1]?.queues).toBeUndefined();
    expect(deltas.map((d) => d.seq)).toEqual(deltas.map((_, i) => i + 1));
    expect(log.lines.some((l) => l.includes('"msg":"sample"') && l.includes('"parseMs"'))).toBe(true);
  });

  it('never overlaps cycles, even when a cycle takes longer than the interval', async () => {
    server.delayMs = 60;
    const s = start(10);
    await Promise.all([s.runNow(), s.runNow(), s.runNow()]);
    await until('3 samples', () => deltas.length >= 3);
    // One cycle issues its 8 requests in parallel; a second overlapping cycle would double that.
    expect(server.maxInFlight).toBe(8);
  });

  it('reports failures with a retry time, backs off, and sends a full delta after recovering', async () => {
    start(20);
    await until('first sample', () => deltas.length === 1);
    server.failing = true;
    await until('2 failures', () => health.filter((h) => h.state === 'failing').length >= 2);
    const failing = health.filter((h): h is Extract<SamplerHealth, { state: 'failing' }> => h.state === 'failing');
    expect(failing[0]?.retryAt).toBeGreaterThan(Date.now() - 1000);
    expect(failing.map((f) => f.failures).slice(0, 2)).toEqual([1, 2]);
    server.failing = false;
    const before = deltas.length;
    await until('recovery', () => deltas.length > before);
    expect(deltas[before]?.full).toBe(true);
    expect(health.at(-1)?.state).toBe('ok');
  });

  it('does not poll while hidden, and samples at once when shown', async () => {
    const s = start(20);
    await until('first sample', () => deltas.length === 1);
    s.configure({ hidden: true });
    await new Promise((r) => setTimeout(r, 50));
    const hits = server.hits.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(server.hits.length).toBe(hits);
    s.configure({ hidden: false });
    await until('a sample after showing', () => server.hits.length > hits);
  });

  it('applies a new interval at once, not after the old one has run out', async () => {
    const s = start(60_000);
    await until('first sample', () => deltas.length === 1);
    s.configure({ intervalMs: 20 });
    await until('more samples at the new pace', () => deltas.length >= 3, 2000);
  });

  it('stops cleanly: no request after stop', async () => {
    const s = start(20);
    await until('first sample', () => deltas.length === 1);
    s.stop();
    await new Promise((r) => setTimeout(r, 30));
    const hits = server.hits.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(server.hits.length).toBe(hits);
  });

  it('surfaces a refused login as a failure, not a crash', async () => {
    start(20, 'wrong');
    await until('failure', () => health.some((h) => h.state === 'failing'));
    const failure = health.find((h) => h.state === 'failing');
    expect(String((failure as { error: unknown }).error)).toMatch(/401/);
    expect(deltas).toEqual([]);
  });

  it('accepts the whole list from a broker that ignores paging parameters', async () => {
    const client = createManagementClient({ baseUrl: server.url, username: 'guest', password: 'guest', tls: { rejectUnauthorized: true }, timeoutMs: 2000 });
    expect(await client.items('api/queues', { paginate: true })).toHaveLength(13);
  });
});
