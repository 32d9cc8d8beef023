import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { memoryLogger } from '../../../electron/backend/logger.js';
import type { Backend } from '../../../electron/backend/types.js';
import { accessPolicy } from '../../../electron/web/access.js';
import { MAX_CALLS_IN_FLIGHT, type WebHost, startWebHost } from '../../../electron/web/host.js';
import { sessionCookieOf } from './support/transports.js';

describe('calls in flight on one socket', () => {
  let host: WebHost;
  const release: (() => void)[] = [];
  // A backend that answers only when told to, so calls pile up.
  const backend: Backend = {
    dispatch: () => new Promise((resolve) => release.push(() => resolve({ removed: true }))),
    subscribe: () => () => undefined,
    close: async () => undefined,
  };

  beforeAll(async () => {
    host = await startWebHost({ backend, port: 0, staticDir: '/nonexistent', log: memoryLogger() });
  });
  afterAll(async () => {
    await host.close();
  });

  it(`are capped at ${MAX_CALLS_IN_FLIGHT}: the next one is refused with its id, and capacity returns as answers go out`, async () => {
    const cookie = await sessionCookieOf(host.url);
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { cookie, origin: `http://127.0.0.1:${host.port}` } });
    await new Promise((resolve) => ws.once('open', resolve));
    const replies: { id: number; ok: boolean; error?: { code: string } }[] = [];
    ws.on('message', (data) => replies.push(JSON.parse(String(data))));
    const call = (id: number) => ws.send(JSON.stringify({ type: 'call', id, method: 'profiles.remove', args: { id: 'p' } }));
    const until = async (check: () => boolean) => {
      while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
    };

    for (let id = 1; id <= MAX_CALLS_IN_FLIGHT + 1; id++) call(id);
    await until(() => replies.length === 1);
    expect(replies[0]).toMatchObject({ id: MAX_CALLS_IN_FLIGHT + 1, ok: false, error: { code: 'bad_request' } });
    await until(() => release.length === MAX_CALLS_IN_FLIGHT);

    release.shift()!();
    await until(() => replies.length === 2);
    call(1000);
    await until(() => release.length === MAX_CALLS_IN_FLIGHT);
    for (const answer of release.splice(0)) answer();
    await until(() => replies.length === MAX_CALLS_IN_FLIGHT + 2);
    expect(replies.filter((r) => r.ok)).toHaveLength(MAX_CALLS_IN_FLIGHT + 1);
    ws.close();
  });
});

describe('the Host names the web host answers to', () => {
  const machine = () => ['build-box', '192.168.1.5', 'fe80::1'];

  it('are loopback names only when bound to loopback', () => {
    const policy = accessPolicy('t', '127.0.0.1', 8080, machine);
    expect([...policy.hosts].sort()).toEqual(['127.0.0.1:8080', '[::1]:8080', 'localhost:8080']);
  });

  it("include this machine's names and addresses when bound to every interface, and nothing else", () => {
    const policy = accessPolicy('t', '0.0.0.0', 8080, machine);
    expect(policy.hosts.has('build-box:8080')).toBe(true);
    expect(policy.hosts.has('192.168.1.5:8080')).toBe(true);
    expect(policy.hosts.has('[fe80::1]:8080')).toBe(true);
    expect(policy.hosts.has('evil.example:8080')).toBe(false);
  });
});
