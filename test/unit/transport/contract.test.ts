import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../shared/model/session.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { WarrenClient } from '../../../renderer/api/types.js';
import { type TransportUnderTest, startIpcTransport, startWebTransport } from './support/transports.js';

vi.mock('electron', () => import('./support/fake-electron.js'));

/**
 * One suite, both transports: whatever the renderer sees must not depend on
 * whether it runs in Electron or in a browser.
 */
const transports = [
  ['electron IPC', startIpcTransport],
  ['WebSocket', startWebTransport],
] as const;

const validProfile = { name: 'Local', amqpUri: 'amqp://localhost:5672/', username: 'guest', password: 'guest-secret' };

const idleState: SessionState = {
  status: 'idle',
  profileId: null,
  error: null,
  retryAt: null,
  lastSampleAt: null,
  samplerIntervalMs: 2000,
  samplerPaused: false,
};

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw new Error(`expected an ApiError, got ${String(err)}`);
  }
  throw new Error('expected the call to fail');
}

type Step = { call: string; ok: true; result: unknown } | { call: string; ok: false; code: string; message: string; issues: unknown };

/** A fixed conversation with the backend, written down call by call with ids and times made stable. */
async function transcript(client: WarrenClient): Promise<Step[]> {
  const steps: Step[] = [];
  const ids = new Map<string, string>();
  const stable = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (key, v: unknown) => {
      if (key === 'createdAt' || key === 'updatedAt') return '<time>';
      if (key === 'id' && typeof v === 'string') {
        if (!ids.has(v)) ids.set(v, `<id ${ids.size + 1}>`);
        return ids.get(v);
      }
      return v;
    });
  const record = async (call: string, run: () => Promise<unknown>) => {
    try {
      const result = await run();
      steps.push({ call, ok: true, result: stable(result) });
      return result;
    } catch (err) {
      const e = err as ApiError;
      steps.push({ call, ok: false, code: e.code, message: e.message, issues: e.issues });
      return undefined;
    }
  };
  await record('list empty', () => client.call('profiles.list', {}));
  const saved = (await record('save', () => client.call('profiles.save', validProfile))) as { id: string };
  await record('save bad uri', () => client.call('profiles.save', { ...validProfile, amqpUri: 'http://localhost' }));
  await record('save no name', () => client.call('profiles.save', { ...validProfile, name: '' }));
  await record('save wrong types', () => client.call('profiles.save', { name: 42, amqpUri: null } as never));
  await record('duplicate', () => client.call('profiles.duplicate', { id: saved.id }));
  await record('duplicate missing', () => client.call('profiles.duplicate', { id: 'no-such-profile' }));
  await record('list two', () => client.call('profiles.list', {}));
  await record('remove', () => client.call('profiles.remove', { id: saved.id }));
  await record('remove again', () => client.call('profiles.remove', { id: saved.id }));
  await record('remove no id', () => client.call('profiles.remove', {} as never));
  await record('info extra key', () => client.call('app.info', { verbose: true } as never));
  await record('unknown method', () => client.call('profiles.hack' as never, {} as never));
  await record('session state', () => client.call('session.state', {}));
  await record('sampler interval too short', () => client.call('sampler.configure', { intervalMs: 10 }));
  return steps;
}

describe.each(transports)('the console contract over %s', (name, start) => {
  let t: TransportUnderTest;
  beforeAll(async () => {
    t = await start();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers app.info with a result that passed the contract schema', async () => {
    const info = await t.client.call('app.info', {});
    expect(info).toMatchObject({ name: 'Warren', version: '0.0.0-test', transport: name === 'WebSocket' ? 'web' : 'electron', dataDir: t.backend.dataDir });
    expect(t.client.status()).toBe('open');
  });

  it('saves, lists, duplicates and removes profiles without ever returning the password', async () => {
    const saved = await t.client.call('profiles.save', validProfile);
    expect(saved).toMatchObject({ name: 'Local', hasPassword: true, effectiveManagementUrl: 'http://localhost:15672' });
    expect(JSON.stringify(saved)).not.toContain('guest-secret');
    const copy = await t.client.call('profiles.duplicate', { id: saved.id });
    expect(copy.id).not.toBe(saved.id);
    expect((await t.client.call('profiles.list', {})).map((p) => p.id).sort()).toEqual([saved.id, copy.id].sort());
    expect(await t.client.call('profiles.remove', { id: copy.id })).toEqual({ removed: true });
    expect(await t.client.call('profiles.remove', { id: saved.id })).toEqual({ removed: true });
    expect(await t.client.call('profiles.list', {})).toEqual([]);
  });

  it('rejects arguments that fail their schema with invalid_args and every issue path', async () => {
    const error = await failure(t.client.call('profiles.save', { ...validProfile, amqpUri: 'http://localhost', name: '' }));
    expect(error.code).toBe('invalid_args');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['amqpUri', 'name']);
    expect(error.message).not.toContain('guest-secret');
    expect(await t.client.call('profiles.list', {})).toEqual([]);
  });

  it('rejects unknown keys on strict argument objects', async () => {
    const error = await failure(t.client.call('app.info', { extra: 1 } as never));
    expect(error.code).toBe('invalid_args');
  });

  it('rejects a method that is not in the contract', async () => {
    const error = await failure(t.client.call('fs.readFile' as never, {} as never));
    expect(error).toMatchObject({ code: 'unknown_method', message: 'Unknown method: fs.readFile' });
  });

  it('delivers events checked against their schema, dropping malformed payloads', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const received: SessionState[] = [];
    const arrived = new Promise<void>((resolve) => {
      const off = t.client.on('session.state', (state) => {
        received.push(state);
        off();
        resolve();
      });
    });
    t.backend.emit('session.state', { status: 'exploded' });
    t.backend.emit('session.state', idleState);
    await arrived;
    expect(received).toEqual([idleState]);
    expect(warn).toHaveBeenCalledWith('Warren: dropped a malformed session.state event', expect.any(Array));
    warn.mockRestore();
  });

  it('refuses to subscribe to an event that is not in the contract', () => {
    expect(() => t.client.on('process.exit' as never, () => undefined)).toThrow(/Unknown event/);
  });
});

describe('both transports', () => {
  it('give the same results and the same errors for the same conversation', async () => {
    const results: Step[][] = [];
    for (const [, start] of transports) {
      const t = await start();
      try {
        results.push(await transcript(t.client));
      } finally {
        await t.close();
      }
    }
    const [ipc, web] = results;
    expect(ipc).toEqual(web);
    // The comparison means something only if the conversation had both outcomes.
    expect(ipc!.filter((s) => s.ok).length).toBeGreaterThanOrEqual(5);
    expect([...new Set(ipc!.filter((s) => !s.ok).map((s) => (s as { code: string }).code))].sort()).toEqual(['invalid_args', 'not_found', 'unknown_method']);
  });
});
