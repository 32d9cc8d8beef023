import { readFileSync } from 'node:fs';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueHref, topologyHref } from '../../renderer/navigation/routes.js';
import { exchangeNodeId, fanoutGroupNodeId, queueNodeId } from '../../shared/topology/ids.js';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();

/** Names that must work everywhere: spaces, dots, slashes, unicode, on the "/" vhost. */
const ORDERS = 'orders v2/ü';
const PAYMENTS = 'payments/ä q';

/** Beside the example topology: an alternate exchange, dead-lettering, headers, exchange-to-exchange and a wide fan-out. */
async function declareExtras(amqpUrl: string): Promise<void> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const ch = await connection.createChannel();
    await ch.assertExchange('unrouted.ae', 'fanout', { durable: true });
    await ch.assertQueue('unrouted all', { durable: true });
    await ch.bindQueue('unrouted all', 'unrouted.ae', '');
    await ch.assertExchange(ORDERS, 'topic', { durable: true, arguments: { 'alternate-exchange': 'unrouted.ae' } });
    await ch.assertExchange('dlx', 'direct', { durable: true });
    await ch.assertQueue('dead letters', { durable: true });
    await ch.bindQueue('dead letters', 'dlx', 'payments');
    await ch.assertQueue(PAYMENTS, { durable: true, arguments: { 'x-dead-letter-exchange': 'dlx', 'x-dead-letter-routing-key': 'payments' } });
    await ch.bindQueue(PAYMENTS, ORDERS, 'order.paid.#');
    await ch.bindExchange('logs', ORDERS, 'log.#');
    await ch.assertExchange('reports.h', 'headers', { durable: true });
    await ch.assertQueue('pdf reports', { durable: true });
    await ch.bindQueue('pdf reports', 'reports.h', '', { 'x-match': 'all', format: 'pdf' });
    await ch.assertExchange('broadcast', 'fanout', { durable: true });
    for (let i = 1; i <= 14; i++) {
      const name = `fan.${String(i).padStart(2, '0')}`;
      await ch.assertQueue(name, { durable: true });
      await ch.bindQueue(name, 'broadcast', '');
    }
    await ch.close();
  } finally {
    await connection.close();
  }
}

describe.skipIf(!chromium)('topology graph on the embedded broker', () => {
  let web: WebConsole;
  let session: BrowserSession;
  const node = (id: string) => session.page.locator(`.react-flow__node[data-id="${id}"]`);

  async function openTopology(): Promise<void> {
    const { page } = session;
    await page.getByRole('link', { name: 'Topology' }).click();
    await expect.poll(() => page.getByTestId('topology').getAttribute('data-layout-runs'), { timeout: 30_000 }).not.toBe('0');
    await expect.poll(() => node(exchangeNodeId('direct_logs')).isVisible(), { timeout: 15_000 }).toBe(true);
  }

  beforeAll(async () => {
    web = await startWebConsole();
    session = await openBrowser(chromium as string);
  });

  afterAll(async () => {
    await session?.close();
    await web?.stop();
  });

  it('connects to the embedded broker and loads the examples and the extras', async () => {
    await expect.poll(() => web.output(), { timeout: 30_000 }).toMatch(/Embedded broker: amqp:\/\/127\.0\.0\.1:\d+/);
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await page.getByRole('link', { name: 'Embedded broker' }).click();
    await page.getByRole('button', { name: 'Load example topology' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /10 queues, 3 exchanges/ }).isVisible(), { timeout: 20_000 }).toBe(true);
    const amqpUrl = /Embedded broker: (amqp:\/\/127\.0\.0\.1:\d+)/.exec(web.output())?.[1] as string;
    await declareExtras(amqpUrl.replace('amqp://', 'amqp://guest:guest@'));
  });

  it('draws exchanges, queues and labelled bindings, dashed dead-letter and alternate edges, and folds a wide fan-out', async () => {
    await openTopology();
    const { page } = session;
    await expect.poll(() => node(queueNodeId(PAYMENTS)).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await node(exchangeNodeId(ORDERS)).textContent()).toContain(ORDERS);
    expect(await node(exchangeNodeId(ORDERS)).textContent()).toMatch(/topic/i);
    const labels = await page.locator('.react-flow__edge-text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['error', 'order.paid.#', 'log.#', 'all: format=pdf', 'DLX payments', 'AE']));
    expect(await page.locator('.tedge--dead-letter').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.tedge--alternate').count()).toBe(1);
    // The default exchange is hidden.
    expect(await node(exchangeNodeId('')).count()).toBe(0);
    expect(await node(fanoutGroupNodeId('broadcast')).textContent()).toContain('+14');
    // Live counts from the sampler: five tasks wait in task_queue.
    await expect.poll(() => node(queueNodeId('task_queue')).textContent(), { timeout: 20_000 }).toMatch(/ready\s*5/);
    await screenshot(page, 'e2e-topology-graph');
  });

  it('finds a node, focuses it with its neighbourhood, and clears with Escape', async () => {
    const { page } = session;
    const search = page.getByRole('searchbox', { name: 'Find a node' });
    await search.fill('payments/');
    await search.press('Enter');
    await expect.poll(() => page.locator('.topo-search__count').textContent()).toBe('1 of 1');
    await expect.poll(() => node(queueNodeId(PAYMENTS)).getAttribute('class')).toContain('is-lit');
    expect(await node(exchangeNodeId('dlx')).getAttribute('class')).toContain('is-lit');
    expect(await node(exchangeNodeId('direct_logs')).getAttribute('class')).toContain('is-dimmed');
    await screenshot(page, 'e2e-topology-focus');
    await search.press('Escape');
    await expect.poll(() => node(exchangeNodeId('direct_logs')).getAttribute('class')).not.toContain('is-dimmed');
  });

  it('expands a folded fan-out on click', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Fit' }).click();
    const layoutRuns = () => page.getByTestId('topology').getAttribute('data-layout-runs').then(Number);
    const before = await layoutRuns();
    await node(fanoutGroupNodeId('broadcast')).click();
    // Fit once the expanded queues have their places: only nodes in view are in the DOM.
    await expect.poll(layoutRuns, { timeout: 15_000 }).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(() => page.locator('.react-flow__node[data-id^="q:fan."]').count(), { timeout: 15_000 }).toBe(14);
    await screenshot(page, 'e2e-topology-expanded');
  });

  it('pins a dragged node and remembers it after a reload', async () => {
    const { page } = session;
    const rpc = node(queueNodeId('rpc_queue'));
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => rpc.isVisible(), { timeout: 5_000 }).toBe(true);
    // Past the zoom animation, so the box is where the node stays.
    await page.waitForTimeout(400);
    const box = (await rpc.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + 100, { steps: 8 });
    await page.mouse.up();
    await screenshot(page, 'e2e-topology-pinned');
    await expect.poll(() => rpc.getByRole('img', { name: 'Pinned' }).count()).toBe(1);
    const pinnedAt = await rpc.evaluate((el) => (el as HTMLElement).style.transform);

    await page.reload();
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('topology').getAttribute('data-layout-runs'), { timeout: 30_000 }).not.toBe('0');
    await expect.poll(() => rpc.getByRole('img', { name: 'Pinned' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await rpc.evaluate((el) => (el as HTMLElement).style.transform)).toBe(pinnedAt);
  });

  it('exports the graph as SVG and PNG', async () => {
    const { page } = session;
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG', exact: true }).click()]);
    expect(svgDownload.suggestedFilename()).toBe('topology-default.svg');
    const svg = readFileSync((await svgDownload.path()) as string, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(ORDERS);
    expect(svg).toContain(PAYMENTS);
    expect(svg).toContain('order.paid.#');
    expect(svg).toContain('stroke-dasharray');
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG', exact: true }).click()]);
    const png = readFileSync((await pngDownload.path()) as string);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(session.problems).toEqual([]);
  });

  it('the queue page links to the graph focused on the queue, a folded one too (dark theme)', async () => {
    const dark = await openBrowser(chromium as string, { colorScheme: 'dark' });
    try {
      const { page } = dark;
      const darkNode = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
      const origin = web.url.replace(/#.*$/, '');
      await page.goto(origin + queueHref('/', PAYMENTS));
      await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
      await page.getByRole('region', { name: 'Bindings' }).getByRole('link', { name: ORDERS }).click();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(topologyHref('/', [{ kind: 'queue', name: PAYMENTS }]));
      for (const id of [queueNodeId(PAYMENTS), exchangeNodeId(ORDERS), exchangeNodeId('dlx')]) {
        await expect.poll(() => darkNode(id).getAttribute('class'), { timeout: 30_000 }).toContain('is-lit');
      }
      await screenshot(page, 'e2e-topology-address-focus-dark');
      // A queue folded into a fan-out: the group opens and the view fits the queue.
      await page.goto(origin + queueHref('/', 'fan.07'));
      await page.getByRole('link', { name: 'Show in the graph →' }).click();
      await expect.poll(() => darkNode(queueNodeId('fan.07')).getAttribute('class'), { timeout: 30_000 }).toContain('is-lit');
      expect(await darkNode(exchangeNodeId('broadcast')).getAttribute('class')).toContain('is-lit');
      await screenshot(page, 'e2e-topology-address-fanout-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });

  it('looks right in dark mode too', async () => {
    const dark = await openBrowser(chromium as string, { colorScheme: 'dark' });
    try {
      await dark.page.goto(web.url.replace(/#.*$/, '') + '#/topology');
      await expect.poll(() => dark.page.getByTestId('topology').getAttribute('data-layout-runs'), { timeout: 40_000 }).not.toBe('0');
      await expect.poll(() => dark.page.locator(`.react-flow__node[data-id="${exchangeNodeId('direct_logs')}"]`).isVisible(), { timeout: 15_000 }).toBe(true);
      await screenshot(dark.page, 'e2e-topology-graph-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
