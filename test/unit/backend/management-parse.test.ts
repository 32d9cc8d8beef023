import { describe, expect, it } from 'vitest';
import { Inventory } from '../../../shared/model/inventory.js';
import { parseRows } from '../../../electron/backend/management/management-client.js';
import { toQueueRow } from '../../../electron/backend/management/map-rows.js';
import { type RawInventory, parseInventory } from '../../../electron/backend/management/parse-inventory.js';
import { RawPermission, RawQueue, RawVhost, RawWhoami } from '../../../electron/backend/management/raw-schemas.js';
import { fixture, fixtureList, fixtureNames, withNullStats, withoutStats } from './fixtures.js';

const rawFixtures = (): RawInventory => ({
  overview: fixture('api-overview.json'),
  vhosts: fixtureList('api-vhosts.json'),
  queues: fixtureList('api-queues.json'),
  exchanges: fixtureList('api-exchanges.json'),
  bindings: fixtureList('api-bindings.json'),
  connections: fixtureList('api-connections.json'),
  channels: fixtureList('api-channels.json'),
  consumers: fixtureList('api-consumers.json'),
});

const queue = (inv: Inventory, vhost: string, name: string) => {
  const row = inv.queues.find((q) => q.vhost === vhost && q.name === name);
  if (!row) throw new Error(`no queue ${vhost}/${name}`);
  return row;
};

/**
 * Fixtures the console reads today, and those it does not read yet (definitions
 * are for the import feature, queue get for the workbench). A new fixture fails
 * this test until someone decides which it is.
 */
const READ = ['api-bindings.json', 'api-channels.json', 'api-connections.json', 'api-consumers.json', 'api-exchanges.json', 'api-overview.json', 'api-permissions.json', 'api-queue-detail-with-samples.json', 'api-queues.json', 'api-vhosts.json'];
const NOT_READ_YET = ['api-nodes.json', 'api-policies.json', 'api-queue-get.json', 'api-users.json', 'definitions-vhost-shop.json', 'definitions.json'];

describe('management API parsing on the RabbitMQ 3.10 fixtures', () => {
  it('accounts for every fixture', () => {
    expect(fixtureNames()).toEqual([...READ, ...NOT_READ_YET].sort());
  });

  it('parses the full inventory into rows that satisfy the shared model', () => {
    const inv = parseInventory(rawFixtures());
    expect(Inventory.parse(inv)).toEqual(inv);
    expect(inv.queues).toHaveLength(13);
    expect(inv.exchanges).toHaveLength(25);
    expect(inv.connections).toHaveLength(1);
    expect(inv.channels).toHaveLength(2);
    expect(inv.consumers).toHaveLength(1);
    expect(inv.vhosts.map((v) => v.name)).toEqual(['/', 'shop']);
  });

  it('maps the overview: product, version, node, totals, rates', () => {
    const { overview } = parseInventory(rawFixtures());
    expect(overview).toMatchObject({
      productName: 'RabbitMQ',
      productVersion: '3.10.8',
      managementVersion: '3.10.8',
      erlangVersion: '25.2.3',
      runtime: null,
      node: 'rabbit@vm',
      statsAvailable: true,
      totals: { queues: 13, exchanges: 25, connections: 1, channels: 2, consumers: 1, messages: 280, messagesReady: 265, messagesUnacked: 15 },
    });
    expect(typeof overview?.rates.publish).toBe('number');
  });

  it("maps the embedded broker's runtime, which it reports instead of an Erlang version", () => {
    const raw = rawFixtures();
    const { erlang_version: _erlang, ...embedded } = raw.overview as Record<string, unknown>;
    const { overview } = parseInventory({ ...raw, overview: { ...embedded, product_name: 'Warren', runtime: 'Node.js v20.20.2' } });
    expect(overview).toMatchObject({ productName: 'Warren', erlangVersion: null, runtime: 'Node.js v20.20.2' });
  });

  it('derives badges from arguments and from the effective policy', () => {
    const inv = parseInventory(rawFixtures());
    expect(queue(inv, 'shop', 'orders.created').badges).toEqual(['D', 'DLX', 'TTL', 'LimB']);
    expect(queue(inv, 'shop', 'orders.paid').badges).toEqual(['D', 'Lim', 'LimB']);
    expect(queue(inv, 'shop', 'orders.priority').badges).toEqual(['D', 'LimB', 'Pri']);
    expect(queue(inv, 'shop', 'orders.lazy').badges).toEqual(['D', 'Exp', 'LimB']);
    expect(queue(inv, '/', 'hello').badges).toEqual([]);
    expect(queue(inv, '/', 'task_queue').badges).toEqual(['D']);
    expect(queue(inv, 'shop', 'orders.audit')).toMatchObject({ type: 'quorum', policy: 'orders-ha' });
  });

  it('carries queue depths and the consumer holding 15 unacked messages', () => {
    const inv = parseInventory(rawFixtures());
    const total = inv.queues.reduce((sum, q) => sum + q.total, 0);
    expect(total).toBe(280);
    expect(inv.queues.reduce((sum, q) => sum + q.unacked, 0)).toBe(15);
    expect(inv.consumers[0]).toMatchObject({ queue: 'orders.created', consumerTag: 'billing-worker-1', prefetch: 15, ackRequired: true, active: true });
  });

  it('counts bindings out of and into each exchange (exchange-to-exchange)', () => {
    const inv = parseInventory(rawFixtures());
    const bindings = fixtureList('api-bindings.json');
    for (const ex of inv.exchanges) {
      const out = bindings.filter((b) => b.vhost === ex.vhost && b.source === ex.name).length;
      const into = bindings.filter((b) => b.vhost === ex.vhost && b.destination_type === 'exchange' && b.destination === ex.name).length;
      expect([ex.name, ex.bindingsOut, ex.bindingsIn]).toEqual([ex.name, out, into]);
    }
    expect(inv.exchanges.some((e) => e.bindingsIn > 0)).toBe(true);
  });

  it('maps connections and channels with their client and rates', () => {
    const inv = parseInventory(rawFixtures());
    expect(inv.connections[0]).toMatchObject({ user: 'guest', vhost: 'shop', protocol: 'AMQP 0-9-1', peer: '127.0.0.1:36154', clientProduct: 'amqplib 2.3.1' });
    expect(inv.connections[0]?.recvRate).toBeCloseTo(3737.8);
    expect(inv.channels.map((c) => c.connectionName)).toEqual([inv.connections[0]?.name, inv.connections[0]?.name]);
  });

  it('parses the queue detail response as a queue', () => {
    const [row] = parseRows('api/queues/x', RawQueue, [fixture('api-queue-detail-with-samples.json')]).map(toQueueRow);
    expect(row).toMatchObject({ vhost: 'shop', name: 'orders.created', ready: 105, unacked: 15, total: 120, policy: 'orders-ha', badges: ['D', 'DLX', 'TTL', 'LimB'] });
  });

  it('parses vhosts, permissions and whoami the way the connection test reads them', () => {
    expect(RawVhost.parse(fixtureList('api-vhosts.json')[1]).name).toBe('shop');
    const permissions = fixtureList('api-permissions.json').map((p) => RawPermission.parse(p));
    expect(permissions.some((p) => p.user === 'guest' && p.vhost === 'shop')).toBe(true);
    expect(RawWhoami.parse({ name: 'guest', tags: ['administrator'] }).name).toBe('guest');
  });
});

describe('management API parsing without statistics', () => {
  it('tolerates every statistic missing (metrics off, fresh queues)', () => {
    const stripped = rawFixtures();
    const raw = Object.fromEntries(Object.entries(stripped).map(([k, v]) => [k, withoutStats(v)])) as unknown as RawInventory;
    const inv = parseInventory(raw);
    expect(Inventory.parse(inv)).toEqual(inv);
    expect(inv.overview?.statsAvailable).toBe(false);
    expect(inv.queues.every((q) => q.publishRate === null && q.ready === 0 && q.state === 'running')).toBe(true);
    expect(queue(inv, 'shop', 'orders.created').badges).toEqual(['D', 'DLX', 'TTL', 'LimB']);
    expect(inv.exchanges.every((e) => e.publishInRate === null)).toBe(true);
    expect(inv.connections[0]?.recvRate).toBeNull();
  });

  it('tolerates every statistic present but null', () => {
    const raw = Object.fromEntries(Object.entries(rawFixtures()).map(([k, v]) => [k, withNullStats(v)])) as unknown as RawInventory;
    const inv = parseInventory(raw);
    expect(Inventory.parse(inv)).toEqual(inv);
    expect(inv.queues).toHaveLength(13);
  });

  it('reads a queue exactly as RabbitMQ 3.10 answers just after creating it', () => {
    // Captured from the broker: no state, no counts, no stats; a proplist-style [] policy definition.
    const fresh = {
      arguments: { 'x-max-length': 10 },
      auto_delete: true,
      consumer_details: [],
      durable: false,
      effective_policy_definition: [],
      exclusive: false,
      name: 'fresh',
      node: 'rabbit@vm',
      type: 'classic',
      vhost: '/',
    };
    const [row] = parseRows('api/queues', RawQueue, [fresh]).map(toQueueRow);
    expect(row).toMatchObject({ ready: 0, unacked: 0, total: 0, consumers: 0, state: 'running', badges: ['AD', 'Lim'], publishRate: null });
  });

  it('reads a RabbitMQ 4 overview with statistics disabled', () => {
    const overview = { ...(fixture('api-overview.json') as object), disable_stats: true, message_stats: [], queue_totals: [], product_version: '4.1.0' };
    const raw = { ...rawFixtures(), overview };
    const inv = parseInventory(raw);
    expect(inv.overview).toMatchObject({ productVersion: '4.1.0', statsAvailable: false, rates: { publish: null, deliver: null } });
    expect(inv.overview?.totals.messages).toBe(0);
  });

  it('rejects a row without its identity, naming the listing and the row', () => {
    const raw = { ...rawFixtures(), queues: [{ vhost: '/' }] };
    expect(() => parseInventory(raw)).toThrow(/row 0 from api\/queues: name/);
  });

  it('drops a row repeated across pages', () => {
    const queues = fixtureList('api-queues.json');
    const inv = parseInventory({ ...rawFixtures(), queues: [...queues, queues[0]] });
    expect(inv.queues).toHaveLength(13);
  });
});
