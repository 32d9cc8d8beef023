import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelRow, ConsumerRow } from '../../../../shared/model/inventory.js';
import type { QueueMoveResult } from '../../../../shared/model/queue-actions.js';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import { queueHref, topologyFromHash } from '../../../../renderer/navigation/routes.js';
import { browseHref } from '../../../../renderer/views/consume/consume-routes.js';
import { QueueRoute } from '../../../../renderer/views/queue/QueueRoute.js';
import { takePublishDraft } from '../../../../renderer/workbench/publish-draft.js';
import { FakeClient, inventory, queue } from '../support/fakeClient.js';
import { historyResult } from '../support/history.js';
import { renderWithStore } from '../support/render.js';

const NAME = 'orders created/€';
const VHOST = 'shop/eu';

const snapshot: TopologySnapshot = {
  vhost: VHOST,
  exchanges: [],
  queues: [],
  bindings: [
    { source: '', destination: NAME, destinationType: 'queue', routingKey: NAME, arguments: {}, propertiesKey: NAME },
    { source: 'orders', destination: NAME, destinationType: 'queue', routingKey: 'order.*', arguments: {}, propertiesKey: 'order.*' },
    { source: 'orders', destination: 'other', destinationType: 'queue', routingKey: 'x', arguments: {}, propertiesKey: 'x' },
  ],
  policies: [{ name: 'ttl-all', pattern: '.*', applyTo: 'queues', priority: 1, definition: { 'message-ttl': 5000, 'dead-letter-exchange': 'dlx' } }],
  operatorPolicies: [],
  fetchedAt: 0,
};

const consumer = (tag: string, overrides: Partial<ConsumerRow> = {}): ConsumerRow => ({
  key: tag,
  vhost: VHOST,
  queue: NAME,
  consumerTag: tag,
  channelName: `conn (${tag})`,
  connectionName: 'conn',
  ackRequired: true,
  exclusive: false,
  prefetch: 0,
  active: true,
  arguments: {},
  ...overrides,
});
const channel = (name: string, prefetch: number, unacked: number): ChannelRow => ({
  key: name,
  name,
  connectionName: 'conn',
  number: 1,
  vhost: VHOST,
  user: 'guest',
  state: 'running',
  consumers: 1,
  prefetch,
  globalPrefetch: 0,
  unacked,
  unconfirmed: 0,
  confirm: false,
  transactional: false,
  publishRate: null,
  deliverRate: null,
  ackRate: null,
});

function renderPage() {
  window.location.hash = queueHref(VHOST, NAME);
  const client = new FakeClient({
    'topology.snapshot': () => snapshot,
    'history.query': () => historyResult([]),
    'history.events': () => ({ markers: [], truncated: false }),
  });
  const inv = inventory({
    queues: [
      queue(NAME, { vhost: VHOST, ready: 1234, unacked: 10, total: 1244, consumers: 2, policy: 'ttl-all', arguments: { 'x-message-ttl': 60000 } }),
      queue('archive', { vhost: VHOST }),
      queue('elsewhere', { vhost: '/' }),
    ],
    consumers: [consumer('c1'), consumer('c2', { ackRequired: false, prefetch: 7 })],
    channels: [channel('conn (c1)', 10, 10), channel('conn (c2)', 0, 0)],
  });
  return renderWithStore(<QueueRoute />, { inventory: inv }, client);
}

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('QueuePage', () => {
  it('shows the queue named by an address with slashes and unicode: counts, arguments, policy, bindings, consumers', async () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 2, name: NAME }).textContent).toBe(NAME);
    expect(within(screen.getByRole('region', { name: 'Messages' })).getByText('1,234')).toBeTruthy();
    const policy = await screen.findByText('dead-letter-exchange');
    const region = screen.getByRole('region', { name: 'Effective policy' });
    expect(region.textContent).toContain('ttl-all');
    expect(within(region).getByText('message-ttl').closest('tr')?.textContent).toContain('overridden by the x-message-ttl argument');
    expect(policy.closest('tr')?.className).not.toContain('is-overridden');

    const bindings = screen.getByRole('region', { name: 'Bindings' });
    expect(within(bindings).getByText('(default exchange)')).toBeTruthy();
    expect(within(bindings).getByText('order.*')).toBeTruthy();
    expect(within(bindings).queryByText('x')).toBeNull();
    expect(bindings.textContent).toContain('Dead-letters to: dlx');
    // Each links to the graph of the queue's vhost, focused on the queue.
    expect(topologyFromHash(within(bindings).getByText('orders').getAttribute('href') ?? '')).toEqual({ vhost: VHOST, focus: [{ kind: 'queue', name: NAME }] });

    const rows = within(screen.getByRole('region', { name: 'Consumers' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['c1', 'conn (c1)', 'manual', '10', '10', 'active'],
      ['c2', 'conn (c2)', 'auto', '7', '0', 'active'],
    ]);
  });

  it('purges after a confirmation that gives the count', async () => {
    const { client } = renderPage();
    client.handle('queue.purge', () => ({ purged: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Purge…' }));
    const dialog = screen.getByRole('dialog', { name: `Purge ${NAME}?`, hidden: true });
    expect(dialog.textContent).toContain('Deletes the 1,234 ready messages');
    expect(dialog.textContent).toContain('The 10 unacknowledged messages stay');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Purge 1,234 messages', hidden: true })));
    expect(client.callsOf('queue.purge')).toEqual([{ vhost: VHOST, name: NAME }]);
    expect(screen.getByRole('status').textContent).toContain('Purged');
  });

  it('deletes with the if-empty / if-unused options chosen, and shows a refusal', async () => {
    const { client } = renderPage();
    client.handle('queue.delete', () => {
      throw new Error('queue not empty (HTTP 400)');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: `Delete ${NAME}?`, hidden: true });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Only if unused/, hidden: true }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Delete queue', hidden: true })));
    expect(client.callsOf('queue.delete')).toEqual([{ vhost: VHOST, name: NAME, ifEmpty: true, ifUnused: false }]);
    expect(screen.getByRole('alert').textContent).toBe('Delete refused: queue not empty (HTTP 400)');
  });

  it('moves to a queue of the same vhost with a progress bar, and cancels', async () => {
    const { client } = renderPage();
    let finish: (r: QueueMoveResult) => void = () => undefined;
    client.handle('queue.move', () => new Promise<QueueMoveResult>((resolve) => (finish = resolve)));
    client.handle('queue.moveCancel', () => ({ cancelled: true }));
    const select = screen.getByRole('combobox', { name: 'Target queue' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a queue…', 'archive']);
    fireEvent.change(select, { target: { value: 'archive' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Move' })));
    const { moveId } = client.callsOf('queue.move')[0] as { moveId: string };
    expect(client.callsOf('queue.move')[0]).toMatchObject({ vhost: VHOST, source: NAME, target: 'archive' });

    act(() => client.emit('queue.moveProgress', { moveId, moved: 400, total: 1244 }));
    const status = screen.getByRole('status', { name: 'Move progress' });
    expect(status.textContent).toContain('400 / 1,244');
    expect(status.querySelector('progress')?.getAttribute('value')).toBe('400');

    await act(async () => fireEvent.click(within(status).getByRole('button', { name: 'Cancel' })));
    expect(client.callsOf('queue.moveCancel')).toEqual([{ moveId }]);
    await act(async () => finish({ moved: 600, outcome: 'cancelled' }));
    expect(screen.getByRole('status').textContent).toBe(`Cancelled after moving 600 messages to “archive”; the rest stay in “${NAME}”.`);
  });

  it('Get messages… opens the browse of this queue in the Consume view', () => {
    renderPage();
    const link = screen.getByRole('link', { name: 'Get messages…' }) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(browseHref(VHOST, NAME));
  });

  it('Publish… opens the Publish view for the queue: default exchange, its name as routing key', () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Publish…' }));
    expect(window.location.hash).toBe('#/publish');
    expect(takePublishDraft()).toMatchObject({ vhost: VHOST, exchange: '', routingKey: NAME, properties: { deliveryMode: 2 } });
  });

  it('says so when the queue is not in the inventory', () => {
    window.location.hash = queueHref('/', 'gone');
    renderWithStore(<QueueRoute />, { inventory: inventory() }, new FakeClient({ 'topology.snapshot': () => ({ ...snapshot, vhost: '/', bindings: [], policies: [] }) }));
    expect(screen.getByText('No queue “gone” in vhost /')).toBeTruthy();
  });
});
