import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueNodeId } from '../../shared/topology/ids.js';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();
const EXCHANGES = 100;
/** Ten each: under the fan-out fold, so all 1,100 nodes are drawn and the graph counts as large. */
const QUEUES_PER_EXCHANGE = 10;

/**
 * A graph past 1,000 nodes: its edges are on a canvas under the nodes, not
 * React Flow's SVG, and still work as edges: a click on one picks it and
 * Delete turns it into a pending removal.
 */
describe.skipIf(!chromium)('topology graph of a large vhost', () => {
  let web: WebConsole;
  let session: BrowserSession;
  const node = (id: string) => session.page.locator(`.react-flow__node[data-id="${id}"]`);

  beforeAll(async () => {
    web = await startWebConsole();
    session = await openBrowser(chromium as string);
  });

  afterAll(async () => {
    await session?.close();
    await web?.stop();
  });

  it('draws 1,100 nodes zoomed out on the canvas, with no SVG edges', async () => {
    await expect.poll(() => web.output(), { timeout: 30_000 }).toMatch(/Embedded broker: amqp:\/\/127\.0\.0\.1:\d+/);
    const amqpUrl = (/Embedded broker: (amqp:\/\/127\.0\.0\.1:\d+)/.exec(web.output())?.[1] as string).replace('amqp://', 'amqp://guest:guest@');
    const connection = await amqp.connect(amqpUrl);
    await Promise.all(
      Array.from({ length: 10 }, async (_, lane) => {
        const ch = await connection.createChannel();
        for (let e = lane; e < EXCHANGES; e += 10) {
          await ch.assertExchange(`big.ex.${e}`, 'direct', { durable: false });
          for (let q = 0; q < QUEUES_PER_EXCHANGE; q++) {
            const name = `big.q.${e}.${q}`;
            await ch.assertQueue(name, { durable: false });
            await ch.bindQueue(name, `big.ex.${e}`, `key.${e}.${q}`);
          }
        }
        await ch.close();
      }),
    );
    await connection.close();

    const { page } = session;
    await page.goto(web.url.replace(/#.*$/, '') + '#/topology');
    await expect.poll(async () => Number(await page.getByTestId('topology').getAttribute('data-nodes')), { timeout: 60_000 }).toBeGreaterThanOrEqual(EXCHANGES * (QUEUES_PER_EXCHANGE + 1));
    await expect.poll(() => page.getByTestId('topology').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    expect(await page.locator('.topology__graph-canvas').count()).toBe(1);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    await screenshot(page, 'e2e-topology-large-whole');
  });

  it('zoomed in, shows the nodes and picks an edge with a click; Delete makes it a pending removal', async () => {
    const { page } = session;
    const search = page.getByRole('searchbox', { name: 'Find a node' });
    await search.fill('big.q.42.3');
    await search.press('Enter');
    await expect.poll(() => node(queueNodeId('big.q.42.3')).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    await search.press('Escape');
    // Its one binding arrives level with the middle of its left side.
    const box = (await node(queueNodeId('big.q.42.3')).boundingBox())!;
    await page.mouse.click(box.x - 12, box.y + box.height / 2);
    await page.keyboard.press('Delete');
    const pending = page.getByRole('region', { name: 'Pending changes' });
    await expect.poll(() => pending.locator('.pending-row__name').allTextContents()).toEqual(['big.ex.42 → big.q.42.3']);
    expect(await pending.textContent()).toContain('routing key "key.42.3"');
    await screenshot(page, 'e2e-topology-large-picked');
    await pending.getByRole('button', { name: 'Discard' }).click();
    expect(session.problems).toEqual([]);
  });
});
