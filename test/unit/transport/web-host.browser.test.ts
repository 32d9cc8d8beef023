import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../../electron/web/host.js';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/requirements.js';
import { type TestBackend, startTestBackend } from './support/backends.js';
import { startTestWebHost } from './support/transports.js';

/**
 * The web host's defences, checked in a real browser: what a page of ours can
 * do, and what another page on this machine (or a rebinding domain) cannot.
 */
const executablePath = chromiumPath();

describe.skipIf(!executablePath)('the web host in Chromium', () => {
  let backend: TestBackend;
  let host: WebHost;
  let evil: Server;
  let evilPort: number;
  let browser: Browser;

  beforeAll(async () => {
    backend = await startTestBackend('web');
    ({ host } = await startTestWebHost(backend));
    // Another local site: same machine, another port, a page that wants our socket.
    evil = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>evil</title>'));
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilPort = (evil.address() as AddressInfo).port;
    browser = await chromium.launch({
      executablePath: executablePath!,
      args: [
        ...CHROMIUM_ARGS,
        // A rebinding attacker's name that resolves to loopback.
        '--host-resolver-rules=MAP rebind.test 127.0.0.1',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    evil?.close();
    await host?.close();
    await backend?.close();
  });

  const call = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://${location.host}/ws`);
          ws.onopen = () => ws.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', args: {} }));
          ws.onmessage = (event) => resolve(String(event.data));
          ws.onerror = () => resolve('refused');
        }),
    );

  it('lets our page in with the printed URL, hides the token and the cookie, and serves calls on the socket', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    await page.goto(host.url);
    expect(page.url()).toBe(`http://127.0.0.1:${host.port}/`);
    expect(await page.title()).toBe('Warren');
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(JSON.parse(await call(page))).toMatchObject({ id: 1, ok: true, result: { transport: 'web' } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('blocks an injected inline script', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(`blocked by ${e.violatedDirective}`));
          const script = document.createElement('script');
          script.textContent = 'window.__pwned = true';
          document.body.append(script);
          setTimeout(() => resolve((window as { __pwned?: boolean }).__pwned ? 'ran' : 'silent'), 1000);
        }),
    );
    expect(outcome).toMatch(/^blocked by script-src/);
    await page.close();
  });

  it("refuses another local site's page the socket and the page: to SameSite it is the same site, the Origin check decides", async () => {
    const page = await browser.newPage();
    await page.goto(host.url); // the browser now holds our session cookie
    await page.goto(`http://127.0.0.1:${evilPort}/`);
    const outcome = await page.evaluate(
      (port) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
          ws.onopen = () => resolve('opened');
          ws.onerror = () => resolve('refused');
        }),
      host.port,
    );
    expect(outcome).toBe('refused');
    expect(backend.log.lines.some((line) => line.includes('refused WebSocket') && line.includes('"reason":"Forbidden"'))).toBe(true);
    const read = await page.evaluate(
      (port) =>
        fetch(`http://127.0.0.1:${port}/`, { credentials: 'include' }).then(
          (r) => r.text(),
          () => 'unreadable',
        ),
      host.port,
    );
    expect(read).toBe('unreadable');
    await page.close();
  });

  it('answers a rebinding domain with 421, even with the token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`http://rebind.test:${host.port}/?token=${host.token}`);
    expect(response?.status()).toBe(421);
    await page.close();
  });
});
