import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeNodeId, queueNodeId } from '../../shared/topology/ids.js';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { dragConnection } from './support/graph-drag.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();

/** A name that must work in forms, the graph, the change set and the management URLs, on the "/" vhost. */
const QUEUE = 'e2e orders/ü v1.0';
const KEY = 'order.*.paid';

describe.skipIf(!chromium)('graph editor on the embedded broker', () => {
  let web: WebConsole;
  let session: BrowserSession;
  let managementUrl: string;
  const node = (id: string) => session.page.locator(`.react-flow__node[data-id="${id}"]`);
  const panel = () => session.page.getByRole('region', { name: 'Pending changes' });
  const palette = () => session.page.getByRole('group', { name: 'Edit topology' });
  const pendingNames = () => panel().locator('.pending-row__name').allTextContents();

  /** The broker's own answer, not the console's. */
  async function brokerGet(path: string): Promise<{ status: number; json: unknown }> {
    const res = await fetch(new URL(path, managementUrl), { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
    return { status: res.status, json: res.status === 200 ? await res.json() : null };
  }

  async function newQueue(name: string, fill?: () => Promise<void>): Promise<void> {
    const { page } = session;
    await palette().getByRole('button', { name: 'Queue', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New queue' });
    await dialog.getByLabel('Name').fill(name);
    await fill?.();
    await dialog.getByRole('button', { name: 'Add queue' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  }

  const drag = (fromId: string, toId: string): Promise<void> => dragConnection(session.page, fromId, toId);

  beforeAll(async () => {
    web = await startWebConsole();
    session = await openBrowser(chromium as string);
  });

  afterAll(async () => {
    await session?.close();
    await web?.stop();
  });

  it('opens the Topology view on the embedded broker', async () => {
    await expect.poll(() => web.output(), { timeout: 30_000 }).toMatch(/management http:\/\/127\.0\.0\.1:\d+/);
    managementUrl = /management (http:\/\/127\.0\.0\.1:\d+)/.exec(web.output())?.[1] as string;
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await page.getByRole('link', { name: 'Topology' }).click();
    await expect.poll(() => page.getByTestId('topology').getAttribute('data-layout-runs'), { timeout: 30_000 }).not.toBe('0');
    await expect.poll(() => node(exchangeNodeId('amq.topic')).isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('creates a queue from the palette and binds it by dragging from an exchange; the pending diff shows both', async () => {
    const { page } = session;
    await newQueue(QUEUE, async () => {
      await page.getByLabel(/Message TTL/).fill('60000');
    });
    await expect.poll(pendingNames).toEqual([QUEUE]);
    // Drawn dashed in the graph before it exists.
    await expect.poll(() => node(queueNodeId(QUEUE)).isVisible(), { timeout: 15_000 }).toBe(true);

    await drag(exchangeNodeId('amq.topic'), queueNodeId(QUEUE));
    const form = page.getByRole('dialog', { name: 'New binding' });
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByLabel('Routing key').fill(KEY);
    await form.getByRole('button', { name: 'Add binding' }).click();
    await expect.poll(pendingNames).toEqual([QUEUE, `amq.topic → ${QUEUE}`]);
    expect(await panel().textContent()).toContain(`routing key "${KEY}"`);
    await screenshot(page, 'e2e-topology-edit-pending');
  });

  it('undoes and redoes in the pending set with the keyboard and the buttons', async () => {
    const { page } = session;
    await panel().getByRole('heading').click();
    await page.keyboard.press('Control+z');
    await expect.poll(pendingNames).toEqual([QUEUE]);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(pendingNames).toEqual([QUEUE, `amq.topic → ${QUEUE}`]);
    await panel().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(pendingNames).toEqual([QUEUE]);
    await panel().getByRole('button', { name: 'Redo' }).click();
    await expect.poll(pendingNames).toEqual([QUEUE, `amq.topic → ${QUEUE}`]);
  });

  it('applies the set, and the broker has the queue and the binding', async () => {
    const { page } = session;
    await panel().getByRole('button', { name: 'Apply 2 changes' }).click();
    await expect.poll(() => panel().getByRole('status').textContent(), { timeout: 15_000 }).toContain('All changes applied');
    expect(await panel().getByRole('status').textContent()).toContain(`Added queue ${QUEUE}`);
    const q = await brokerGet(`api/queues/%2F/${encodeURIComponent(QUEUE)}`);
    expect(q.json).toMatchObject({ name: QUEUE, durable: true, arguments: { 'x-message-ttl': 60000 } });
    const bindings = await brokerGet(`api/bindings/%2F/e/amq.topic/q/${encodeURIComponent(QUEUE)}`);
    expect((bindings.json as { routing_key: string }[]).map((b) => b.routing_key)).toEqual([KEY]);
    await expect.poll(pendingNames).toEqual([]);
    // Drawn throughout: first as the applied overlay, then from the broker's own snapshot.
    expect(await node(queueNodeId(QUEUE)).count()).toBe(1);
    await page.waitForTimeout(3000);
    expect(await node(queueNodeId(QUEUE)).count()).toBe(1);
    await screenshot(page, 'e2e-topology-edit-applied');
  });

  it('marks an entity edited into a delete-and-recreate as changed in the graph', async () => {
    const { page } = session;
    await node(queueNodeId(QUEUE)).click();
    await page.getByRole('button', { name: `Edit queue ${QUEUE}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit queue ${QUEUE}` });
    await dialog.getByRole('switch', { name: 'Durable' }).uncheck({ force: true });
    await dialog.getByRole('button', { name: 'Add change' }).click();
    await expect.poll(() => node(queueNodeId(QUEUE)).getAttribute('class')).toContain('is-changed');
    await screenshot(page, 'e2e-topology-edit-changed');
    await panel().getByRole('button', { name: 'Discard' }).click();
    await expect.poll(pendingNames).toEqual([]);
    await expect.poll(() => node(queueNodeId(QUEUE)).getAttribute('class')).not.toContain('is-changed');
  });

  it('stops at a change the broker refuses: its reason next to it, later ones not attempted, what was applied listed', async () => {
    const { page } = session;
    await palette().getByRole('button', { name: 'Exchange', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New exchange' });
    await dialog.getByLabel('Name').fill('e2e.audit');
    await dialog.getByLabel('Type').selectOption('fanout');
    await dialog.getByRole('button', { name: 'Add exchange' }).click();
    await newQueue('e2e refused', async () => {
      await page.getByLabel(/Max priority/).fill('1000');
    });
    await newQueue('e2e after');
    await panel().getByRole('button', { name: 'Apply 3 changes' }).click();
    await expect.poll(() => panel().getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/Refused: invalid arg 'x-max-priority'/);
    const rows = panel().locator('.pending-row');
    expect(await rows.filter({ hasText: 'e2e refused' }).getByRole('alert').count()).toBe(1);
    expect(await rows.filter({ hasText: 'e2e after' }).textContent()).toContain('Not attempted');
    expect(await panel().getByRole('status').textContent()).toContain('Added exchange e2e.audit');
    expect((await brokerGet('api/exchanges/%2F/e2e.audit')).status).toBe(200);
    expect((await brokerGet('api/queues/%2F/e2e%20after')).status).toBe(404);
    await screenshot(page, 'e2e-topology-edit-refused');

    await panel().getByRole('button', { name: 'Discard' }).click();
    await expect.poll(pendingNames).toEqual([]);
  });

  it('deletes the new queue with the Delete key and applies the removal', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(() => node(queueNodeId(QUEUE)).isVisible(), { timeout: 15_000 }).toBe(true);
    await node(queueNodeId(QUEUE)).click();
    // Selected before Delete: under load the click can land while the fit still moves the node.
    await expect.poll(async () => {
      if (!((await node(queueNodeId(QUEUE)).getAttribute('class')) ?? '').includes('selected')) await node(queueNodeId(QUEUE)).click();
      return node(queueNodeId(QUEUE)).getAttribute('class');
    }, { timeout: 10_000 }).toContain('selected');
    await page.keyboard.press('Delete');
    await expect.poll(pendingNames).toEqual([QUEUE]);
    expect(await panel().locator('.pending-row').first().textContent()).toMatch(/removed/i);
    await panel().getByRole('button', { name: 'Apply 1 change' }).click();
    await expect.poll(() => panel().getByRole('status').textContent(), { timeout: 15_000 }).toContain('All changes applied');
    expect((await brokerGet(`api/queues/%2F/${encodeURIComponent(QUEUE)}`)).status).toBe(404);
  });

  it('shares the side column with the route explainer', async () => {
    const { page } = session;
    await newQueue('beside the explainer');
    await page.getByRole('button', { name: /Explain route/ }).click();
    await expect.poll(() => panel().isVisible()).toBe(true);
    await screenshot(page, 'e2e-topology-edit-with-explainer');
    await page.getByRole('button', { name: /Explain route/ }).click();
    await panel().getByRole('button', { name: 'Discard' }).click();
    await expect.poll(pendingNames).toEqual([]);
  });

  it('reads well in the dark theme: the queue form with its typed arguments, and the pending panel', async () => {
    const dark = await openBrowser(chromium as string, { colorScheme: 'dark' });
    try {
      const { page } = dark;
      await page.goto(web.url);
      await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
      await page.getByRole('link', { name: 'Topology' }).click();
      await page.getByRole('group', { name: 'Edit topology' }).getByRole('button', { name: 'Queue' }).click();
      const dialog = page.getByRole('dialog', { name: 'New queue' });
      await dialog.getByLabel('Name').fill('dark queue');
      await dialog.locator('#arg-x-max-length').fill('1000');
      await dialog.locator('#arg-x-overflow').selectOption('reject-publish');
      await dialog.getByRole('button', { name: 'Add argument' }).click();
      await dialog.getByLabel('Argument name').fill('x-custom');
      await dialog.getByLabel('Value', { exact: true }).fill('blue');
      await screenshot(page, 'e2e-topology-edit-form-dark');
      await dialog.getByRole('button', { name: 'Add queue' }).click();
      await expect.poll(() => page.getByRole('region', { name: 'Pending changes' }).locator('.pending-row__name').allTextContents()).toEqual(['dark queue']);
      await screenshot(page, 'e2e-topology-edit-panel-dark');
    } finally {
      await dark.close();
    }
  });
});
