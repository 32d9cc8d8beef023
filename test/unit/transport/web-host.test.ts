import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_CLIENT_MESSAGE_BYTES } from '../../../shared/api/wire.js';
import type { WebHost } from '../../../electron/web/host.js';
import { type TestBackend, startTestBackend } from './support/backends.js';
import { fetchRaw } from './support/http.js';
import { sessionCookieOf, startTestWebHost } from './support/transports.js';

let backend: TestBackend;
let host: WebHost;
let cookie: string;
let origin: string;

beforeAll(async () => {
  backend = await startTestBackend('web');
  ({ host } = await startTestWebHost(backend));
  cookie = await sessionCookieOf(host.url);
  origin = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  await backend.close();
});

describe('the page', () => {
  it('prints a loopback URL carrying a fresh random token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is refused without the token', async () => {
    const reply = await fetchRaw(host.port, '/');
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain('<title>');
    expect((await fetchRaw(host.port, '/app.js')).status).toBe(401);
  });

  it('is refused with a wrong token', async () => {
    expect((await fetchRaw(host.port, `/?token=${'x'.repeat(43)}`)).status).toBe(403);
    expect((await fetchRaw(host.port, '/', { cookie: `warren_session_${host.port}=nope` })).status).toBe(401);
  });

  it('accepts the current cookie beside a stale one', async () => {
    const stale = `warren_session_${host.port}=${'z'.repeat(43)}`;
    expect((await fetchRaw(host.port, '/', { cookie: `${stale}; other=1; ${cookie}` })).status).toBe(200);
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and strips it from the URL', async () => {
    const reply = await fetchRaw(host.port, `/?token=${host.token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const setCookie = String(reply.headers['set-cookie']);
    expect(setCookie).toContain(`warren_session_${host.port}=${host.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
  });

  it('serves the renderer with the cookie, with a strict CSP and the right content types', async () => {
    const page = await fetchRaw(host.port, '/', { cookie });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Warren</title>');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(page.headers['content-security-policy']);
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(name + ' '));
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(directive('connect-src')).toContain(`ws://127.0.0.1:${host.port}`);
    expect(directive('connect-src')).not.toContain('[::1]'); // not valid CSP syntax
    for (const d of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "img-src 'self' data:"]) {
      expect(csp).toContain(d);
    }
    const script = await fetchRaw(host.port, '/app.js', { cookie });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const style = await fetchRaw(host.port, '/assets/style.css', { cookie });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers only to its own Host names (DNS rebinding)', async () => {
    expect((await fetchRaw(host.port, '/', { cookie, host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await fetchRaw(host.port, `/?token=${host.token}`, { host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await fetchRaw(host.port, '/', { cookie, host: '127.0.0.1:1' })).status).toBe(421);
    expect((await fetchRaw(host.port, '/', { cookie, host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/%00index.html', '/%E0%A4%A', '/assets', '/assets/']) {
      const reply = await fetchRaw(host.port, path, { cookie });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('root:');
    }
  });

  it('accepts only GET and HEAD', async () => {
    const reply = await fetchRaw(host.port, '/', { cookie }, 'POST');
    expect(reply.status).toBe(405);
    expect((await fetchRaw(host.port, '/', { cookie }, 'HEAD')).status).toBe(200);
  });
});

/** Resolves with the HTTP status that refused the upgrade, or 101 when it was accepted. */
function upgradeStatus(headers: Record<string, string>, path = '/ws'): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
  });
}

describe('the WebSocket upgrade', () => {
  it('is accepted with the cookie from our page', async () => {
    expect(await upgradeStatus({ cookie, origin })).toBe(101);
  });

  it('is refused without the session cookie', async () => {
    expect(await upgradeStatus({ origin })).toBe(401);
    expect(await upgradeStatus({ origin, cookie: `warren_session_${host.port}=${'y'.repeat(43)}` })).toBe(401);
  });

  it('is refused from another origin, or with none', async () => {
    expect(await upgradeStatus({ cookie, origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus({ cookie, origin: `http://127.0.0.1:${host.port + 1}` })).toBe(403);
    expect(await upgradeStatus({ cookie, origin: 'null' })).toBe(403);
    expect(await upgradeStatus({ cookie })).toBe(403);
  });

  it('is refused for a foreign Host and on other paths', async () => {
    expect(await upgradeStatus({ cookie, origin, host: `evil.example:${host.port}` })).toBe(421);
    expect(await upgradeStatus({ cookie, origin }, '/socket')).toBe(404);
  });
});

describe('messages on the socket', () => {
  let ws: WebSocket;
  const replies: unknown[] = [];
  let waiters: ((message: unknown) => void)[] = [];

  beforeAll(async () => {
    ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { cookie, origin } });
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      const waiter = waiters.shift();
      if (waiter) waiter(message);
      else replies.push(message);
    });
    await new Promise((resolve) => ws.once('open', resolve));
  });
  afterAll(() => ws.close());

  const send = (data: string | Buffer) =>
    new Promise<Record<string, unknown>>((resolve) => {
      waiters.push(resolve as (m: unknown) => void);
      ws.send(data);
    });

  it('answers malformed JSON with bad_request and id null', async () => {
    expect(await send('{"type":"call",')).toEqual({ type: 'result', id: null, ok: false, error: { code: 'bad_request', message: 'Malformed JSON' } });
  });

  it('answers a bad envelope with bad_request, echoing the id when there is one', async () => {
    const reply = await send(JSON.stringify({ type: 'call', id: 5, args: {} }));
    expect(reply).toMatchObject({ id: 5, ok: false, error: { code: 'bad_request', issues: [{ path: 'method' }] } });
    expect(await send(JSON.stringify([1, 2]))).toMatchObject({ id: null, ok: false, error: { code: 'bad_request' } });
  });

  it('answers binary frames with bad_request', async () => {
    expect(await send(Buffer.from([1, 2, 3]))).toMatchObject({ id: null, ok: false, error: { code: 'bad_request' } });
  });

  it('answers an oversize message with bad_request without parsing it', async () => {
    const big = JSON.stringify({ type: 'call', id: 9, method: 'app.info', args: { pad: 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES) } });
    expect(await send(big)).toMatchObject({ id: null, ok: false, error: { code: 'bad_request', message: expect.stringMatching(/too large/) } });
  });

  it('answers an unknown method with unknown_method and bad arguments with invalid_args', async () => {
    expect(await send(JSON.stringify({ type: 'call', id: 11, method: 'process.exit', args: {} }))).toMatchObject({
      id: 11,
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await send(JSON.stringify({ type: 'call', id: 12, method: 'profiles.remove', args: { id: 3 } }))).toMatchObject({
      id: 12,
      ok: false,
      error: { code: 'invalid_args', issues: [{ path: 'id' }] },
    });
  });

  it('still serves good calls after all that', async () => {
    expect(await send(JSON.stringify({ type: 'call', id: 13, method: 'app.info', args: {} }))).toMatchObject({
      id: 13,
      ok: true,
      result: { transport: 'web' },
    });
    expect(replies).toEqual([]);
  });

  it('closes a socket that sends a message far over the limit (1009), and keeps serving others', async () => {
    const victim = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { cookie, origin } });
    await new Promise((resolve) => victim.once('open', resolve));
    const closed = new Promise<number>((resolve) => victim.once('close', (code) => resolve(code)));
    victim.send('x'.repeat(4 * MAX_CLIENT_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    expect(await send(JSON.stringify({ type: 'call', id: 14, method: 'app.info', args: {} }))).toMatchObject({ id: 14, ok: true });
  });

  it('never logs the token', () => {
    expect(backend.log.lines.length).toBeGreaterThan(0);
    expect(backend.log.lines.join('\n')).not.toContain(host.token);
  });
});
