import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueNodeId } from '../../shared/topology/ids.js';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();

/**
 * The route explainer in the topology graph, on the embedded broker with the
 * example topology plus an exchange with an alternate exchange declared over
 * AMQP: the prediction as you type, the path lit in the graph, and a real
 * mandatory publish whose outcome the broker reports next to the prediction.
 */
describe.skipIf(!chromium)('route explainer on the embedded broker', () => {
  let web: WebConsole;
  let session: BrowserSession;

  beforeAll(async () => {
    web = await startWebConsole();
    session = await openBrowser(chromium as string);
  });

  afterAll(async () => {
    await session?.close();
    await web?.stop();
  });

  const panel = () => session.page.getByRole('complementary', { name: 'Route explainer' });
  const prediction = () => panel().getByTestId('route-prediction').textContent();
  const lit = (id: string) => session.page.locator(`.react-flow__node.is-lit[data-id="${id}"]`);

  it('loads the example topology and an exchange with an alternate exchange, and opens the explainer from the topology toolbar', async () => {
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await page.getByRole('link', { name: 'Embedded broker' }).click();
    await page.getByRole('button', { name: 'Load example topology' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /10 queues, 3 exchanges/ }).isVisible(), { timeout: 20_000 }).toBe(true);

    const amqpUrl = /Embedded broker: (amqp:\/\/127\.0\.0\.1:\d+)/.exec(web.output())?.[1] as string;
    const connection = await amqp.connect({ hostname: '127.0.0.1', port: Number(new URL(amqpUrl).port), username: 'guest', password: 'guest' });
    const ch = await connection.createChannel();
    await ch.assertExchange('shop.unrouted', 'fanout', { durable: true });
    await ch.assertQueue('shop.unrouted', { durable: true });
    await ch.bindQueue('shop.unrouted', 'shop.unrouted', '');
    await ch.assertExchange('shop.orders', 'topic', { durable: true, arguments: { 'alternate-exchange': 'shop.unrouted' } });
    // An exchange-to-exchange hop into the tutorial's topic exchange.
    await ch.bindExchange('topic_logs', 'shop.orders', 'order.#');
    await connection.close();

    await page.getByRole('link', { name: 'Topology' }).click();
    await expect.poll(() => page.getByTestId('topology').getAttribute('data-layout-runs'), { timeout: 30_000 }).not.toBe('0');
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${queueNodeId('shop.unrouted')}"]`).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: /Explain route/ }).click();
    await expect.poll(() => panel().isVisible()).toBe(true);
    await screenshot(page, 'e2e-route-explainer-open');
  });

  it('explains a topic key as it is typed: queues reached, listed and lit in the graph', async () => {
    const { page } = session;
    const exchange = panel().getByRole('combobox');
    await exchange.fill('topic_lo');
    await expect.poll(() => panel().getByRole('option').allTextContents()).toEqual(['topic_logstopic']);
    await screenshot(page, 'e2e-route-explainer-picker');
    await page.keyboard.press('Enter');
    await panel().getByLabel('Routing key').fill('kern.critical');
    await expect.poll(prediction).toBe('Routed');
    const reached = panel().getByRole('list', { name: 'Queues reached' });
    expect((await reached.getByRole('listitem').allTextContents()).sort()).toEqual(['topic_logs.all', 'topic_logs.critical', 'topic_logs.kern']);
    await expect.poll(() => lit(queueNodeId('topic_logs.kern')).count()).toBe(1);
    expect(await lit(queueNodeId('hello')).count()).toBe(0);
    await screenshot(page, 'e2e-route-explainer-topic');
  });

  it('confirms with a real publish: the broker routed it, as predicted', async () => {
    const { page } = session;
    await panel().getByRole('button', { name: 'Confirm with a real publish' }).click();
    await expect.poll(() => panel().getByTestId('route-broker-outcome').textContent(), { timeout: 15_000 }).toBe('Routed');
    expect(await panel().getByRole('status').textContent()).toContain('Agrees');
    await screenshot(page, 'e2e-route-explainer-confirmed');
  });

  it('follows an exchange-to-exchange hop, and takes the alternate exchange when nothing matches', async () => {
    const { page } = session;
    await panel().getByRole('combobox').fill('shop.orders');
    await page.keyboard.press('Enter');
    await panel().getByLabel('Routing key').fill('order.critical');
    await expect.poll(prediction).toBe('Routed');
    expect(await panel().textContent()).toContain('Reached through a binding from shop.orders');

    await panel().getByLabel('Routing key').fill('invoice.sent');
    await expect.poll(() => panel().getByRole('list', { name: 'Queues reached' }).textContent()).toBe('shop.unrouted');
    expect(await panel().textContent()).toContain('No binding matched: the message goes to the alternate exchange');
    await expect.poll(() => lit(queueNodeId('shop.unrouted')).count()).toBe(1);
    await screenshot(page, 'e2e-route-explainer-alternate');
  });

  it('an unroutable key is predicted and confirmed as returned', async () => {
    const { page } = session;
    await panel().getByRole('combobox').fill('direct_logs');
    await page.keyboard.press('Enter');
    await panel().getByLabel('Routing key').fill('debug');
    await expect.poll(prediction).toBe('Returned');
    await panel().getByRole('button', { name: 'Confirm with a real publish' }).click();
    await expect.poll(() => panel().getByTestId('route-broker-outcome').textContent(), { timeout: 15_000 }).toBe('Returned');
    expect(await panel().getByRole('status').textContent()).toContain('312 NO_ROUTE');
    await screenshot(page, 'e2e-route-explainer-returned');
  });

  it('closes with Escape and opens again with "r"', async () => {
    const { page } = session;
    await panel().getByLabel('Routing key').press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
    await page.locator('body').press('r');
    await expect.poll(() => panel().isVisible()).toBe(true);
    expect(session.problems).toEqual([]);
  });

  it('looks right in dark mode too', async () => {
    const dark = await openBrowser(chromium as string, { colorScheme: 'dark' });
    try {
      const { page } = dark;
      await page.goto(web.url.replace(/#.*$/, '') + '#/topology');
      await expect.poll(() => page.getByTestId('topology').getAttribute('data-layout-runs'), { timeout: 40_000 }).not.toBe('0');
      await page.getByRole('button', { name: /Explain route/ }).click();
      const darkPanel = page.getByRole('complementary', { name: 'Route explainer' });
      await darkPanel.getByRole('combobox').fill('shop.');
      await expect.poll(() => darkPanel.getByRole('option').count()).toBe(2);
      await screenshot(page, 'e2e-route-explainer-picker-dark');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => darkPanel.getByRole('combobox').inputValue()).toBe('shop.unrouted');
      await darkPanel.getByRole('combobox').fill('shop.orders');
      await page.keyboard.press('Enter');
      await darkPanel.getByLabel('Routing key').fill('order.critical');
      await darkPanel.getByRole('button', { name: 'Add header' }).click();
      await darkPanel.getByLabel('Header 1 name').fill('tenant');
      await darkPanel.getByLabel('Header 1 value').fill('acme');
      await expect.poll(() => darkPanel.getByTestId('route-prediction').textContent()).toBe('Routed');
      await screenshot(page, 'e2e-route-explainer-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
