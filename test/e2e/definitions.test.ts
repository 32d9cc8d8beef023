import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffModels } from '../../shared/definitions/diff.js';
import { readDefinitions } from '../../shared/definitions/read.js';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();
const FIXTURES = 'test/fixtures/rabbitmq-3.10';
/** A vhost name with a space, a slash, a dot and unicode: it must work in the UI and in every URL. */
const ODD_VHOST = 'shop ü/2.x';

/** The embedded broker serves classic queues only: these copies make the fixtures' quorum queue classic. */
function classicCopy(dir: string, name: string): string {
  const doc = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
  for (const q of doc.queues) delete q.arguments['x-queue-type'];
  const file = path.join(dir, name.replace('.json', '-classic.json'));
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

/** The embedded broker's management URL, from the line `warren web` prints once it runs. */
async function managementUrlOf(web: WebConsole): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const url = /management (http:\/\/127\.0\.0\.1:\d+)/.exec(web.output())?.[1];
    if (url) return url;
    if (Date.now() > deadline) throw new Error(`no embedded broker URL in:\n${web.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Definitions in the browser, on the embedded broker `warren web` starts:
 * the 3.10 fixtures imported through the file input with a plan first, the
 * broker's refusal shown next to the change it refused, the result checked
 * over the broker's HTTP API, then exported and compared with the import.
 */
describe.skipIf(!chromium)('definitions import, export and compare on the embedded broker', () => {
  let web: WebConsole;
  let session: BrowserSession;
  let api: (method: string, path: string, body?: unknown) => Promise<Response>;
  let dir: string;
  let wholeClassic: string;
  let shopClassic: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'warren-defs-e2e-'));
    wholeClassic = classicCopy(dir, 'definitions.json');
    shopClassic = classicCopy(dir, 'definitions-vhost-shop.json');
    web = await startWebConsole();
    session = await openBrowser(chromium as string);
    const base = await managementUrlOf(web);
    api = (method, p, body) =>
      fetch(new URL(p, base), {
        method,
        headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
  });

  afterAll(async () => {
    await session?.close();
    await web?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = () => session.page.getByRole('region', { name: 'Plan' });
  const chooseFile = (file: string) => session.page.getByRole('tabpanel', { name: 'Import' }).getByLabel('Choose a definitions file').setInputFiles(file);

  it('opens the Definitions page from the sidebar', async () => {
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await page.getByRole('link', { name: 'Definitions' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Import', selected: true }).isVisible()).toBe(true);
  });

  it('lists every problem of a broken file with its JSON path and offers no apply', async () => {
    const { page } = session;
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ rabbit_version: '5.0.0', queues: [{ name: 'q', vhost: '/', durable: 'yes', auto_delete: false }], bindings: [{ source: 'nowhere', vhost: '/', destination: 'q', destination_type: 'queue', routing_key: '', arguments: {} }] }));
    await chooseFile(broken);
    const problems = page.getByRole('region', { name: 'Warnings' });
    await expect.poll(() => problems.textContent(), { timeout: 10_000 }).toContain('$.queues[0].durable');
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain("unknown version '5.0.0'");
    expect(text).toContain('must be a boolean, got string');
    expect(await plan().count()).toBe(0);
    await screenshot(page, 'e2e-definitions-problems');
  });

  it('plans the whole-broker fixture, and shows the quorum queue the embedded broker refuses next to its change', async () => {
    const { page } = session;
    await chooseFile(path.join(FIXTURES, 'definitions.json'));
    await expect.poll(() => plan().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByLabel('File summary').textContent()).toContain('RabbitMQ 3.10.8');
    expect(await plan().getByRole('region', { name: 'Queues' }).getByRole('listitem').count()).toBe(13);
    await screenshot(page, 'e2e-definitions-plan');

    await plan().getByRole('button', { name: /^Apply \d+ changes$/ }).click();
    await expect.poll(() => plan().getByRole('status').textContent(), { timeout: 20_000 }).toContain('Stopped');
    const refused = plan().getByRole('listitem', { name: 'Create queue orders.audit' });
    expect(await refused.getByRole('alert').textContent()).toMatch(/quorum/);
    // All or nothing: not even the vhost was created.
    expect((await api('GET', '/api/vhosts/shop')).status).toBe(404);
    await screenshot(page, 'e2e-definitions-refused');
    await plan().getByRole('button', { name: 'Plan again' }).click();
    await expect.poll(() => plan().getByRole('button', { name: /^Apply \d+ changes$/ }).isEnabled(), { timeout: 15_000 }).toBe(true);
  });

  it('imports the classic copy, with the result on the broker as its HTTP API shows it', async () => {
    const { page } = session;
    await chooseFile(wholeClassic);
    await expect.poll(() => plan().getByRole('button', { name: /^Apply \d+ changes$/ }).isEnabled(), { timeout: 15_000 }).toBe(true);
    await plan().getByRole('button', { name: /^Apply \d+ changes$/ }).click();
    await expect.poll(() => plan().getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Imported: \d+ changes applied in one all-or-nothing import/);
    await screenshot(page, 'e2e-definitions-applied');

    const queues = (await (await api('GET', '/api/queues/shop')).json()) as { name: string }[];
    expect(queues.map((q) => q.name).sort()).toEqual(['orders.audit', 'orders.created', 'orders.dead', 'orders.lazy', 'orders.paid', 'orders.priority', 'orders.unrouted', 'reports.pdf']);
    const bindings = (await (await api('GET', '/api/bindings/shop')).json()) as { source: string }[];
    expect(bindings.filter((b) => b.source !== '')).toHaveLength(9);
    expect((await api('GET', '/api/users/ops')).status).toBe(200);
    expect((await api('GET', '/api/policies/shop/orders-ha')).status).toBe(200);
  });

  it('imports the single-vhost fixture into a vhost named with a space, a slash and unicode', async () => {
    const { page } = session;
    expect((await api('PUT', `/api/vhosts/${encodeURIComponent(ODD_VHOST)}`, {})).status).toBeLessThan(300);
    await chooseFile(shopClassic);
    const select = page.getByRole('tabpanel', { name: 'Import' }).getByLabel('Import into vhost');
    await expect.poll(async () => (await select.locator('option').allTextContents()).includes(ODD_VHOST), { timeout: 20_000 }).toBe(true);
    await select.selectOption(ODD_VHOST);
    await expect.poll(() => plan().textContent(), { timeout: 15_000 }).toContain(ODD_VHOST);
    await plan().getByRole('button', { name: /^Apply \d+ changes$/ }).click();
    await expect.poll(() => plan().getByRole('status').textContent(), { timeout: 20_000 }).toContain('Imported');
    const res = await api('GET', `/api/queues/${encodeURIComponent(ODD_VHOST)}/${encodeURIComponent('orders.paid')}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { arguments: Record<string, unknown> }).arguments).toEqual({ 'x-max-length': 10000, 'x-overflow': 'reject-publish' });
  });

  it('asks before a sync deletes, listing what and how many messages', async () => {
    const { page } = session;
    const odd = encodeURIComponent(ODD_VHOST);
    await api('PUT', `/api/queues/${odd}/stray`, { durable: true, auto_delete: false, arguments: {} });
    for (let i = 0; i < 2; i++) {
      await api('POST', `/api/exchanges/${odd}/amq.default/publish`, { properties: {}, routing_key: 'stray', payload: 'x', payload_encoding: 'string' });
    }
    await chooseFile(shopClassic);
    await page.getByRole('tabpanel', { name: 'Import' }).getByLabel('Import into vhost').selectOption(ODD_VHOST);
    await page.getByRole('switch', { name: 'Sync: also delete what the file lacks' }).check({ force: true });
    await expect.poll(() => plan().textContent(), { timeout: 15_000 }).toContain('stray');
    await plan().getByRole('button', { name: /^Apply \d+ changes?$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 1 object from the broker?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('2 messages');
    await screenshot(page, 'e2e-definitions-sync-confirm');
    await dialog.getByRole('button', { name: 'Delete 1 and apply' }).click();
    await expect.poll(() => plan().getByRole('status').textContent(), { timeout: 20_000 }).toContain('Imported');
    expect((await api('GET', `/api/queues/${odd}/stray`)).status).toBe(404);
    await page.getByRole('switch', { name: 'Sync: also delete what the file lacks' }).uncheck({ force: true });
  });

  it('exports the whole broker with users, and the file matches the import', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Export' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Export' });
    await panel.getByRole('switch', { name: /Include users/ }).check({ force: true });
    expect(await panel.getByRole('note').textContent()).toContain('password hash');
    await screenshot(page, 'e2e-definitions-export');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export to file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^definitions_127\.0\.0\.1_\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync((await download.path())!, 'utf8');
    const imported = readDefinitions(readFileSync(wholeClassic, 'utf8')).model!;
    const differences = diffModels(imported, readDefinitions(exported).model!)
      .filter((e) => e.status !== 'same' && e.vhost !== ODD_VHOST && !(e.entity === 'vhost' && e.name === ODD_VHOST));
    // Topic permissions and parameters included: what was imported is exported as it was.
    expect(differences.map((e) => `${e.status} ${e.entity} ${e.name}`)).toEqual([]);
    writeFileSync(path.join(dir, 'exported.json'), exported);
  });

  it('compares the import file with the broker side by side, with filters', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Compare' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Compare' });
    await panel.getByLabel('Left: choose a file').setInputFiles(wholeClassic);
    await panel.getByRole('button', { name: 'Compare', exact: true }).click();
    const diff = panel.getByRole('region', { name: 'Differences' });
    await expect.poll(() => diff.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.getByRole('button', { name: /^Only left 0$/ }).isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: /^Different 0$/ }).isVisible()).toBe(true);
    await screenshot(page, 'e2e-definitions-compare');
    // Only what the test added (the vhost with the odd name and its contents) is only on the right; hiding it by status leaves nothing.
    const before = await diff.getByRole('row').count();
    expect(before).toBeGreaterThan(1);
    await panel.getByRole('button', { name: /^Only right/ }).click();
    await expect.poll(() => diff.getByRole('row').count()).toBeLessThan(before);
    expect(await diff.getByText(ODD_VHOST).count()).toBe(0);
    expect(session.problems).toEqual([]);
  });

  it('looks right in dark mode too', async () => {
    const dark = await openBrowser(chromium as string, { colorScheme: 'dark' });
    try {
      await dark.page.goto(web.url.replace(/#.*$/, '') + '#/definitions');
      await dark.page.getByRole('tabpanel', { name: 'Import' }).getByLabel('Choose a definitions file').setInputFiles(path.join(FIXTURES, 'definitions.json'));
      await expect.poll(() => dark.page.getByRole('region', { name: 'Plan' }).isVisible(), { timeout: 15_000 }).toBe(true);
      await screenshot(dark.page, 'e2e-definitions-plan-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
