import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeNodeId, queueNodeId } from '../../shared/topology/ids.js';
import { chromiumPath, RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL, rabbitAvailable } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { dragConnection } from './support/graph-drag.js';
import { saveRabbitProfile } from './support/rabbit-profile.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const rabbit = await rabbitAvailable();
const chromium = chromiumPath();
const rabbitUrl = new URL(RABBITMQ_URL);
const auth = `Basic ${Buffer.from(`${decodeURIComponent(rabbitUrl.username || 'guest')}:${decodeURIComponent(rabbitUrl.password || 'guest')}`).toString('base64')}`;

/** RabbitMQ's own answer, through its management API. */
async function rabbitApi(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(new URL(path, RABBITMQ_MANAGEMENT_URL), { method, headers: { authorization: auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}

/**
 * The graph's core on a real RabbitMQ, in a vhost of its own that is deleted
 * afterwards: the 3.10 shop fixture imported there, the graph drawn from it
 * (labels, dead-letter edge, quorum queue), a queue and a binding made in the
 * graph and applied, checked through RabbitMQ's API, the route explainer's
 * prediction confirmed by a real publish, and the graph exported.
 */
describe.skipIf(!rabbit || !chromium)('topology graph on RabbitMQ', () => {
  const vhost = `warren e2e topology ü/${process.pid}`;
  const v = encodeURIComponent(vhost);
  const QUEUE = 'e2e new queue/ü';
  let web: WebConsole;
  let session: BrowserSession;
  const node = (id: string) => session.page.locator(`.react-flow__node[data-id="${id}"]`);
  const pending = () => session.page.getByRole('region', { name: 'Pending changes' });
  const explainer = () => session.page.getByRole('complementary', { name: 'Route explainer' });

  beforeAll(async () => {
    expect((await rabbitApi('PUT', `/api/vhosts/${v}`, {})).status).toBeLessThan(300);
    const user = decodeURIComponent(rabbitUrl.username || 'guest');
    expect((await rabbitApi('PUT', `/api/permissions/${v}/${encodeURIComponent(user)}`, { configure: '.*', write: '.*', read: '.*' })).status).toBeLessThan(300);
    const shop = JSON.parse(readFileSync('test/fixtures/rabbitmq-3.10/definitions-vhost-shop.json', 'utf8'));
    expect((await rabbitApi('POST', `/api/definitions/${v}`, shop)).status).toBeLessThan(300);
    web = await startWebConsole(['--no-embedded']);
    session = await openBrowser(chromium as string);
  });

  afterAll(async () => {
    await session?.close();
    await web?.stop();
    await rabbitApi('DELETE', `/api/vhosts/${v}`);
  });

  it('connects to RabbitMQ and draws the imported vhost: labelled bindings, the dead-letter edge, the quorum queue', async () => {
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Add a broker' }).isVisible()).toBe(true);
    await saveRabbitProfile(page);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await page.getByRole('link', { name: 'Topology' }).click();
    const vhostSelect = page.locator('.vhost-select select');
    await expect.poll(async () => (await vhostSelect.locator('option').allTextContents()).includes(vhost), { timeout: 30_000 }).toBe(true);
    await vhostSelect.selectOption(vhost);
    await expect.poll(() => page.getByTestId('topology').getAttribute('data-layout-runs'), { timeout: 30_000 }).not.toBe('0');
    await expect.poll(() => node(queueNodeId('orders.paid')).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await node(exchangeNodeId('orders')).textContent()).toMatch(/topic/i);
    expect(await node(queueNodeId('orders.audit')).textContent()).toMatch(/quorum/i);
    const labels = await page.locator('.react-flow__edge-text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['order.paid.#', 'order.#', 'all: format=pdf, type=report', 'DLX created']));
    expect(await page.locator('.tedge--dead-letter').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'e2e-topology-rabbitmq-graph');
  });

  it('creates a queue and binds it by dragging from an exchange, applies, and RabbitMQ has both', async () => {
    const { page } = session;
    await page.getByRole('group', { name: 'Edit topology' }).getByRole('button', { name: 'Queue', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New queue' });
    await dialog.getByLabel('Name').fill(QUEUE);
    await dialog.getByRole('button', { name: 'Add queue' }).click();
    await expect.poll(() => node(queueNodeId(QUEUE)).isVisible(), { timeout: 15_000 }).toBe(true);

    await dragConnection(page, exchangeNodeId('orders'), queueNodeId(QUEUE));
    const form = page.getByRole('dialog', { name: 'New binding' });
    await form.getByLabel('Routing key').fill('order.refunded.#');
    await form.getByRole('button', { name: 'Add binding' }).click();
    // The pending edge carries its key like a real one.
    await expect.poll(() => page.locator('.tedge.is-added .react-flow__edge-text').allTextContents()).toEqual(['order.refunded.#']);
    await screenshot(page, 'e2e-topology-rabbitmq-pending');

    await pending().getByRole('button', { name: 'Apply 2 changes' }).click();
    await expect.poll(() => pending().getByRole('status').textContent(), { timeout: 20_000 }).toContain('All changes applied');
    const q = await rabbitApi('GET', `/api/queues/${v}/${encodeURIComponent(QUEUE)}`);
    expect(q.status).toBe(200);
    const bindings = (await (await rabbitApi('GET', `/api/bindings/${v}/e/orders/q/${encodeURIComponent(QUEUE)}`)).json()) as { routing_key: string }[];
    expect(bindings.map((b) => b.routing_key)).toEqual(['order.refunded.#']);
    // Read back from RabbitMQ: the binding is a real edge now, no longer pending.
    await expect.poll(() => page.locator('.tedge:not(.is-added) .react-flow__edge-text').allTextContents(), { timeout: 20_000 }).toContain('order.refunded.#');
  });

  it('explains a route and RabbitMQ agrees on a real publish', async () => {
    const { page } = session;
    await page.getByRole('button', { name: /Explain route/ }).click();
    await expect.poll(() => explainer().isVisible()).toBe(true);
    await explainer().getByRole('combobox').fill('orders');
    await page.keyboard.press('Enter');
    await explainer().getByLabel('Routing key').fill('order.refunded.eu');
    const reached = explainer().getByRole('list', { name: 'Queues reached' });
    await expect.poll(() => reached.getByRole('listitem').allTextContents()).toEqual([QUEUE]);
    await expect.poll(() => page.locator(`.react-flow__node.is-lit[data-id="${queueNodeId(QUEUE)}"]`).count()).toBe(1);
    await explainer().getByRole('button', { name: 'Confirm with a real publish' }).click();
    await expect.poll(() => explainer().getByTestId('route-broker-outcome').textContent(), { timeout: 15_000 }).toBe('Routed');
    expect(await explainer().getByRole('status').textContent()).toContain('Agrees');
    await screenshot(page, 'e2e-topology-rabbitmq-route');
    await explainer().getByLabel('Routing key').press('Escape');
  });

  it('exports the graph as SVG with what RabbitMQ has', async () => {
    const { page } = session;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG', exact: true }).click()]);
    const svg = readFileSync((await download.path()) as string, 'utf8');
    for (const text of ['orders.paid', 'orders.dlx', QUEUE.replace('/', '/'), 'order.refunded.#']) expect(svg).toContain(text.replace(/&/g, '&amp;'));
    expect(session.problems).toEqual([]);
  });

  it('reads well in the dark theme', async () => {
    const dark = await openBrowser(chromium as string, { colorScheme: 'dark' });
    try {
      await dark.page.goto(web.url.replace(/#.*$/, '') + '#/topology');
      await expect.poll(() => dark.page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
      await dark.page.locator('.vhost-select select').selectOption(vhost);
      await expect.poll(() => dark.page.locator(`.react-flow__node[data-id="${queueNodeId('orders.paid')}"]`).isVisible(), { timeout: 30_000 }).toBe(true);
      await screenshot(dark.page, 'e2e-topology-rabbitmq-graph-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
