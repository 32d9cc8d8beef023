import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL, rabbitAvailable } from '../support/requirements.js';
import { createTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const rabbit = await rabbitAvailable();
const chromium = chromiumPath();

describe.skipIf(!rabbit || !chromium)('a broker that vanishes and comes back', () => {
  let web: WebConsole;
  let session: BrowserSession;
  let amqpProxy: TcpProxy;
  let httpProxy: TcpProxy;

  beforeAll(async () => {
    const amqpTarget = new URL(RABBITMQ_URL);
    const httpTarget = new URL(RABBITMQ_MANAGEMENT_URL);
    amqpProxy = await createTcpProxy({ host: amqpTarget.hostname, port: Number(amqpTarget.port || 5672) });
    httpProxy = await createTcpProxy({ host: httpTarget.hostname, port: Number(httpTarget.port || 15672) });
    web = await startWebConsole(['--no-embedded']);
    session = await openBrowser(chromium as string, { colorScheme: 'dark' });
  });

  afterAll(async () => {
    await session?.close();
    await web?.stop();
    await amqpProxy?.stop();
    await httpProxy?.stop();
  });

  it('shows disconnected with the reason and a retry, keeps the last data, and recovers', async () => {
    const { page } = session;
    const rabbitUrl = new URL(RABBITMQ_URL);
    await page.goto(web.url);
    await page.getByLabel('Name', { exact: true }).fill('Flaky broker');
    await page.getByLabel('AMQP URI').fill(`amqp://127.0.0.1:${amqpProxy.port}/`);
    await page.getByLabel('Management URL').fill(`http://127.0.0.1:${httpProxy.port}`);
    await page.getByLabel('Username').fill(decodeURIComponent(rabbitUrl.username || 'guest'));
    await page.getByLabel('Password').fill(decodeURIComponent(rabbitUrl.password || 'guest'));
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await page.getByRole('link', { name: /Queues/ }).first().click();
    await expect.poll(() => page.getByRole('row').count(), { timeout: 40_000 }).toBeGreaterThan(1);

    await amqpProxy.stop();
    await httpProxy.stop();
    const banner = page.getByRole('alert').filter({ hasText: /Disconnected/ });
    await expect.poll(() => banner.isVisible(), { timeout: 40_000 }).toBe(true);
    expect(await banner.textContent()).toMatch(/lost|refused|unreachable|closed|reach/i);
    expect(await banner.textContent()).not.toMatch(/guest@|:guest/);
    expect(await page.getByRole('row').count()).toBeGreaterThan(1);
    await screenshot(page, 'e2e-broker-disconnected');

    await amqpProxy.start();
    await httpProxy.start();
    await banner.getByRole('button', { name: /Retry/ }).click();
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await expect.poll(() => banner.isVisible()).toBe(false);

    expect(session.problems.filter((p) => !/WebSocket|ERR_CONNECTION/.test(p))).toEqual([]);
  });
});
