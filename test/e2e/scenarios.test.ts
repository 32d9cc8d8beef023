import amqp from 'amqplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topologyHref } from '../../renderer/navigation/routes.js';
import { exchangeNodeId, queueNodeId } from '../../shared/topology/ids.js';
import { chromiumPath, RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL, rabbitAvailable } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { embeddedAmqpPort } from './support/embedded-port.js';
import { saveRabbitProfile } from './support/rabbit-profile.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();
const rabbit = await rabbitAvailable();

const SCENARIOS = [
  { id: 'hello-world', title: 'Hello World' },
  { id: 'work-queues', title: 'Work queues' },
  { id: 'publish-subscribe', title: 'Publish/Subscribe' },
  { id: 'routing', title: 'Routing' },
  { id: 'topics', title: 'Topics' },
  { id: 'rpc', title: 'RPC' },
] as const;

/** expect.poll for hooks (it works inside tests only). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const rabbitApi = (method: string, path: string) => {
  const url = new URL(RABBITMQ_URL);
  const auth = Buffer.from(`${decodeURIComponent(url.username || 'guest')}:${decodeURIComponent(url.password || 'guest')}`).toString('base64');
  return fetch(new URL(path, RABBITMQ_MANAGEMENT_URL), { method, headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' }, body: method === 'PUT' ? '{}' : null });
};

/** A count cell as a number; a dash (not applicable to the actor) counts as 0. */
const countIn = async (cell: ReturnType<Page['locator']>): Promise<number> => Number(((await cell.textContent()) ?? '').replace(/[^0-9]/g, '') || '0');

/** Each actor row's sent + received, as the page shows them. */
async function actorCounts(page: Page): Promise<number[]> {
  const rows = page.getByRole('table', { name: 'Actors' }).locator('tbody tr');
  const out: number[] = [];
  for (const row of await rows.all()) out.push((await countIn(row.locator('[data-count="sent"]'))) + (await countIn(row.locator('[data-count="received"]'))));
  return out;
}

/** The graph lights the topics scenario's exchange and queues, and dims the other scenarios' entities in view. */
async function expectFocusedOnTopics(page: Page): Promise<void> {
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  for (const id of [exchangeNodeId('topic_logs'), queueNodeId('topic_logs.critical'), queueNodeId('topic_logs.kern'), queueNodeId('topic_logs.all')]) {
    await expect.poll(() => node(id).getAttribute('class'), { timeout: 30_000 }).toContain('is-lit');
  }
  await expect.poll(() => page.locator('.react-flow__node.is-dimmed').count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

interface Target {
  name: string;
  available: boolean;
  /** The vhost the scenarios run on (RabbitMQ is shared: a vhost of the test's own there). */
  vhost: string;
  open(page: Page): Promise<WebConsole>;
  /** An AMQP URL into the scenarios' vhost, for the test's own checks. */
  amqpUrl(web: WebConsole): Promise<string>;
  cleanup(): Promise<void>;
}

const rabbitVhost = `warren-e2e-scenarios-${process.pid}`;
const targets: Target[] = [
  {
    name: 'the embedded broker',
    available: true,
    vhost: '/',
    async open(page) {
      const web = await startWebConsole();
      await page.goto(web.url);
      await until('Connected', () => page.getByText('Connected', { exact: true }).isVisible(), 40_000);
      return web;
    },
    amqpUrl: async (web) => `amqp://guest:guest@127.0.0.1:${await embeddedAmqpPort(web)}`,
    cleanup: async () => undefined,
  },
  {
    name: 'RabbitMQ',
    available: rabbit,
    vhost: rabbitVhost,
    async open(page) {
      const created = await rabbitApi('PUT', `/api/vhosts/${encodeURIComponent(rabbitVhost)}`);
      if (!created.ok) throw new Error(`creating vhost ${rabbitVhost}: HTTP ${created.status}`);
      const web = await startWebConsole(['--no-embedded']);
      await page.goto(web.url);
      await until('the profile form', () => page.getByRole('heading', { name: 'Add a broker' }).isVisible(), 20_000);
      await saveRabbitProfile(page);
      await until('Connected', () => page.getByText('Connected', { exact: true }).isVisible(), 40_000);
      return web;
    },
    amqpUrl: async () => {
      const url = new URL(RABBITMQ_URL);
      url.pathname = `/${encodeURIComponent(rabbitVhost)}`;
      return url.toString();
    },
    cleanup: async () => void (await rabbitApi('DELETE', `/api/vhosts/${encodeURIComponent(rabbitVhost)}`)),
  },
];

for (const target of targets) {
  describe.skipIf(!chromium || !target.available)(`scenarios view on ${target.name}`, () => {
    let web: WebConsole;
    let session: BrowserSession;
    const slug = target.name === 'RabbitMQ' ? 'rabbitmq' : 'embedded';

    beforeAll(async () => {
      session = await openBrowser(chromium as string);
      web = await target.open(session.page);
    });
    afterAll(async () => {
      await session?.close();
      await web?.stop();
      await target.cleanup();
    });

    it('opens from the sidebar with the six scenarios, on the chosen vhost', async () => {
      const { page } = session;
      await page.getByRole('link', { name: 'Scenarios' }).click();
      const list = page.getByRole('navigation', { name: 'Scenarios' });
      await expect.poll(() => list.getByRole('button').count(), { timeout: 20_000 }).toBe(6);
      const vhostSelect = page.locator('.vhost-select select');
      await expect.poll(async () => (await vhostSelect.locator('option').allTextContents()).includes(target.vhost), { timeout: 30_000 }).toBe(true);
      await vhostSelect.selectOption(target.vhost);
      await expect.poll(() => page.getByRole('button', { name: `Start on ${target.vhost}` }).isVisible()).toBe(true);
    });

    for (const scenario of SCENARIOS) {
      it(`${scenario.title}: starts with the keyboard, its actors' counts rise, stops`, async () => {
        const { page } = session;
        const item = page.locator(`[data-scenario="${scenario.id}"]`);
        await item.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByRole('heading', { name: scenario.title, level: 2 }).isVisible()).toBe(true);
        const start = page.getByRole('button', { name: `Start on ${target.vhost}` });
        await start.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByRole('status').filter({ hasText: `Running on ${target.vhost}` }).isVisible(), { timeout: 20_000 }).toBe(true);
        await expect.poll(async () => Math.min(...(await actorCounts(page))), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
        if (scenario.id === 'work-queues' || scenario.id === 'topics') {
          // The sampler's view of the queues follows: the work queue's ready count climbs.
          if (scenario.id === 'work-queues') {
            await expect
              .poll(() => countIn(page.locator('[data-queue="task_queue"] td.num').first()), { timeout: 30_000 })
              .toBeGreaterThan(3);
          }
          await screenshot(page, `e2e-scenarios-${slug}-${scenario.id}-light`);
        }
        await page.getByRole('button', { name: 'Stop', exact: true }).click();
        await expect.poll(() => page.getByRole('status').filter({ hasText: 'Not running' }).isVisible(), { timeout: 20_000 }).toBe(true);
        await expect.poll(() => page.getByText('Stopped. The counts of the last run:').isVisible()).toBe(true);
      });
    }

    it('links to the topology graph and to each queue’s page', async () => {
      const { page } = session;
      await page.locator('[data-scenario="topics"]').click();
      const queueLink = page.getByRole('table', { name: 'Queues' }).getByRole('link', { name: 'topic_logs.kern' });
      expect(await queueLink.getAttribute('href')).toBe(`#/queues/${encodeURIComponent(target.vhost)}/topic_logs.kern`);
      const graphLink = page.getByRole('link', { name: 'Show in the topology graph' });
      const href = topologyHref(target.vhost, [
        { kind: 'exchange', name: 'topic_logs' },
        ...['topic_logs.critical', 'topic_logs.kern', 'topic_logs.all'].map((name) => ({ kind: 'queue' as const, name })),
      ]);
      expect(await graphLink.getAttribute('href')).toBe(href);
      await graphLink.click();
      await expectFocusedOnTopics(page);
      await screenshot(page, `e2e-scenarios-${slug}-graph-focus-light`);
      // Opened with another vhost chosen, the address chooses its own.
      const vhostSelect = page.locator('.vhost-select select');
      await vhostSelect.selectOption('');
      await page.evaluate(() => void (window.location.hash = '#/overview'));
      await page.evaluate((to) => void (window.location.hash = to), href);
      await expect.poll(() => vhostSelect.inputValue()).toBe(target.vhost);
      await expectFocusedOnTopics(page);
      expect(session.problems).toEqual([]);
    });

    it('a queue declared with other settings: the run fails with the broker’s words, shown on the page', async () => {
      const { page } = session;
      const connection = await amqp.connect(await target.amqpUrl(web));
      try {
        const ch = await connection.createChannel();
        await ch.deleteQueue('hello');
        await ch.assertQueue('hello', { durable: true });
        await page.getByRole('link', { name: 'Scenarios' }).click();
        await page.locator('[data-scenario="hello-world"]').click();
        await page.getByRole('button', { name: `Start on ${target.vhost}` }).click();
        const alert = page.getByRole('alert');
        await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/^406 PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'hello'/);
        await expect.poll(() => page.locator('[data-scenario="hello-world"]').textContent()).toContain('failed');
        await screenshot(page, `e2e-scenarios-${slug}-failed-light`);
        await ch.deleteQueue('hello');
        // Once the conflicting queue is gone, the same button runs it.
        await page.getByRole('button', { name: `Start on ${target.vhost}` }).click();
        await expect.poll(() => page.getByRole('status').filter({ hasText: `Running on ${target.vhost}` }).isVisible(), { timeout: 20_000 }).toBe(true);
        await expect.poll(() => page.getByRole('alert').count()).toBe(0);
        await page.getByRole('button', { name: 'Stop', exact: true }).click();
        await expect.poll(() => page.getByRole('status').filter({ hasText: 'Not running' }).isVisible(), { timeout: 20_000 }).toBe(true);
      } finally {
        await connection.close();
      }
    });

    it('in the dark theme, with a run in progress', async () => {
      const dark = await openBrowser(chromium as string, { colorScheme: 'dark' });
      try {
        const { page } = dark;
        await page.goto(web.url);
        await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
        await page.goto(`${web.url.split('#')[0]}#/scenarios`);
        const vhostSelect = page.locator('.vhost-select select');
        await expect.poll(async () => (await vhostSelect.locator('option').allTextContents()).includes(target.vhost), { timeout: 30_000 }).toBe(true);
        await vhostSelect.selectOption(target.vhost);
        await page.locator('[data-scenario="rpc"]').click();
        await page.getByRole('button', { name: `Start on ${target.vhost}` }).click();
        await expect.poll(async () => Math.min(...(await actorCounts(page))), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
        await screenshot(page, `e2e-scenarios-${slug}-rpc-dark`);
        await page.getByRole('button', { name: 'Stop', exact: true }).click();
        await expect.poll(() => page.getByRole('status').filter({ hasText: 'Not running' }).isVisible(), { timeout: 20_000 }).toBe(true);
        expect(dark.problems).toEqual([]);
      } finally {
        await dark.close();
      }
    });
  });
}
