import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processAlive } from '../../electron/backend/embedded/leftover.js';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();


/**
 * First start, as a new user sees it: `warren web` on a fresh data folder
 * starts the embedded broker (on free ports here, where a RabbitMQ holds
 * 5672 and 15672), and the console is on it with no user action; the example
 * topology is one click away on the Broker page.
 */
describe.skipIf(!chromium)('web console on its embedded broker', () => {
  let web: WebConsole;
  let session: BrowserSession;
  let brokerPid = 0;

  beforeAll(async () => {
    web = await startWebConsole();
    session = await openBrowser(chromium as string);
  });

  afterAll(async () => {
    await session?.close();
    await web?.stop();
  });

  it('prints the embedded broker URLs and opens connected to the Embedded broker profile', async () => {
    await expect.poll(() => web.output(), { timeout: 30_000 }).toMatch(/Embedded broker: amqp:\/\/127\.0\.0\.1:\d+, management http:\/\/127\.0\.0\.1:\d+/);
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Embedded broker');
    expect(await page.title()).toContain('Embedded broker');
    await screenshot(page, 'e2e-embedded-first-start');
  });

  it('lists the built-in profile in Profiles, read-only, saying why and where its settings are', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Profiles' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Embedded broker' }).isVisible(), { timeout: 10_000 }).toBe(true);
    const note = page.getByRole('note');
    expect(await note.textContent()).toContain('Managed by Warren: its settings are on the Broker page');
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    const remove = page.getByRole('button', { name: 'Remove' });
    expect(await remove.isDisabled()).toBe(true);
    expect(await remove.getAttribute('title')).toContain('cannot be removed');
    expect(await page.getByRole('button', { name: 'Duplicate' }).isEnabled()).toBe(true);
    await screenshot(page, 'e2e-embedded-profile');
    await note.getByRole('link', { name: 'Broker page' }).click();
    await expect.poll(() => page.getByRole('status', { name: /Embedded broker: / }).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(new URL(page.url()).hash).toBe('#/broker');
  });

  it('shows the broker page: running, its URLs, pid, data folder and log', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Embedded broker' }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Embedded broker: Running' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const head = page.getByRole('region', { name: 'Embedded broker status' });
    const text = (await head.textContent()) ?? '';
    expect(text).toMatch(/amqp:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain(`${web.dataDir}/broker`);
    brokerPid = Number(/pid (\d+)/.exec(text)?.[1]);
    expect(brokerPid).toBeGreaterThan(0);
    expect(await processAlive(brokerPid)).toBe(true);
    await expect.poll(() => page.getByRole('log', { name: 'Broker log' }).textContent()).toMatch(/Broker running/);
    await screenshot(page, 'e2e-embedded-broker-page');
  });

  it('loads the example topology, and the Queues view shows its queues', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Load example topology' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /10 queues, 3 exchanges, 9 bindings/ }).isVisible(), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'e2e-embedded-examples-loaded');

    await page.getByRole('link', { name: /Queues/ }).first().click();
    const rowOf = (queue: string) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: queue, exact: true }) });
    for (const queue of ['hello', 'task_queue', 'rpc_queue']) {
      await expect.poll(() => rowOf(queue).count(), { timeout: 20_000 }).toBe(1);
    }
    // The sample messages: five tasks wait in task_queue.
    const cells = async () => (await rowOf('task_queue').getByRole('gridcell').allTextContents()).map((t) => t.trim());
    await expect.poll(cells, { timeout: 20_000, interval: 500 }).toContain('5');
    await screenshot(page, 'e2e-embedded-example-queues');
  });

  it('checks the settings before saving, and warns about a bind address off loopback', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Embedded broker' }).click();
    const form = page.getByRole('form', { name: 'Embedded broker settings' });
    await form.getByLabel('AMQP port').fill('70000');
    await form.getByLabel('Bind address').fill('0.0.0.0');
    await form.getByRole('button', { name: 'Save and restart' }).click();
    expect(await form.textContent()).toContain('Ports run from 0 to 65535');
    const warning = form.getByRole('note');
    expect(await warning.textContent()).toContain('0.0.0.0 is reachable from other machines');
    await screenshot(page, 'e2e-embedded-settings-warning');
    await form.getByRole('button', { name: 'Discard' }).click();
    expect(await form.getByLabel('AMQP port').inputValue()).toBe('5672');
    expect(await warning.count()).toBe(0);
  });

  it('asks before resetting, naming the folder', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Reset data…' }).click();
    const dialog = page.getByRole('dialog', { name: "Reset the embedded broker's data?" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(`${web.dataDir}/broker`);
    await screenshot(page, 'e2e-embedded-reset-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(session.problems).toEqual([]);
  });

  it('stops and starts from the page', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Embedded broker: Stopped' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await processAlive(brokerPid)).toBe(false);
    expect(await page.getByText('Stopped from the Broker page.').isVisible()).toBe(true);
    await screenshot(page, 'e2e-embedded-stopped');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Embedded broker: Running' }).isVisible(), { timeout: 30_000 }).toBe(true);
    const text = (await page.getByRole('region', { name: 'Embedded broker status' }).textContent()) ?? '';
    brokerPid = Number(/pid (\d+)/.exec(text)?.[1]);
    expect(await processAlive(brokerPid)).toBe(true);
  });

  it('looks right in dark mode too', async () => {
    const dark = await openBrowser(chromium as string, { colorScheme: 'dark' });
    try {
      await dark.page.goto(web.url.replace(/#.*$/, '') + '#/broker');
      await expect.poll(() => dark.page.getByRole('status', { name: 'Embedded broker: Running' }).isVisible(), { timeout: 15_000 }).toBe(true);
      await screenshot(dark.page, 'e2e-embedded-broker-page-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });

  it('restarts a broker killed with SIGKILL, and the page says so', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Embedded broker' }).click();
    process.kill(brokerPid, 'SIGKILL');
    const log = page.getByRole('log', { name: 'Broker log' });
    await expect.poll(() => log.textContent(), { timeout: 10_000 }).toMatch(/The broker was killed by SIGKILL; restarting it in \d+ ms \(restart 1\)/);
    await expect.poll(() => page.getByText('1 restart', { exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByRole('status', { name: 'Embedded broker: Running' }).isVisible(), { timeout: 30_000 }).toBe(true);
    const text = (await page.getByRole('region', { name: 'Embedded broker status' }).textContent()) ?? '';
    const newPid = Number(/pid (\d+)/.exec(text)?.[1]);
    expect(newPid).not.toBe(brokerPid);
    brokerPid = newPid;
    // The console follows it back.
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await screenshot(page, 'e2e-embedded-after-crash');
  });

  it('stops the broker process when Warren exits', async () => {
    await web.stop();
    expect(await processAlive(brokerPid)).toBe(false);
  });
});
