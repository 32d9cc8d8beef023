import amqp from 'amqplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthRegistry, registryAccessControl } from '../../../electron/broker/auth/index.js';
import { startManagementServer, type RunningManagement } from '../../../electron/broker/http/server.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { AmqpServer } from '../../../electron/broker/server.js';

const auth = (user = 'guest', password = 'guest') => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/**
 * Counters, rates and visibility. The sampler's timer is set to an hour so
 * that the test takes the samples itself, at chosen times: rates are then
 * exact whatever the machine's load.
 */
const HOUR = 3_600_000;
describe('management statistics and visibility', () => {
  let server: AmqpServer;
  let mgmt: RunningManagement;
  let registry: AuthRegistry;
  let amqpUrl: string;

  beforeEach(async () => {
    registry = AuthRegistry.withDefaults();
    server = new AmqpServer({ access: registryAccessControl(registry), logger: silentLogger });
    const port = await server.listen(0, '127.0.0.1');
    amqpUrl = `amqp://guest:guest@127.0.0.1:${port}`;
    mgmt = await startManagementServer({ server, registry, bind: '127.0.0.1', port: 0, amqpPort: port, logger: silentLogger, sampleIntervalMs: HOUR });
  });
  afterEach(async () => {
    await Promise.all([server.close(), mgmt.close()]);
  });

  const get = async (path: string, user?: [string, string]) => {
    const res = await fetch(`http://127.0.0.1:${mgmt.port}${path}`, { headers: { authorization: auth(...(user ?? [])) } });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  };

  it('counts publishes, deliveries, gets and acks per queue, exchange, channel, vhost and broker, with rates', async () => {
    const conn = await amqp.connect(amqpUrl);
    const ch = await conn.createConfirmChannel();
    await ch.assertExchange('sx', 'fanout');
    await ch.assertQueue('sq');
    await ch.bindQueue('sq', 'sx', '');
    for (let i = 0; i < 10; i++) ch.publish('sx', '', Buffer.from('0123456789'));
    ch.publish('amq.direct', 'nowhere', Buffer.from('x'), { mandatory: true });
    await ch.waitForConfirms();
    const got = await ch.get('sq', { noAck: false });
    ch.ack(got as amqp.GetMessage);
    await ch.get('sq', { noAck: true });
    await ch.consume('sq', (m) => m && ch.ack(m), { noAck: false });
    await new Promise((r) => setTimeout(r, 100));
    const T = (Math.floor(Date.now() / HOUR) + 10) * HOUR;
    mgmt.state.sampler.sample(T);

    const q = (await get(`/api/queues/%2F/sq?msg_rates_age=${3 * 3600}&msg_rates_incr=3600`)).json;
    expect(q.messages).toBe(0);
    expect(q.message_stats).toMatchObject({ publish: 10, get: 1, get_no_ack: 1, deliver: 8, deliver_get: 10, ack: 9, redeliver: 0, get_empty: 0 });
    expect(q.message_stats.publish_details.samples).toEqual([{ sample: 10, timestamp: T }]);
    const x = (await get('/api/exchanges/%2F/sx')).json;
    expect(x.message_stats).toMatchObject({ publish_in: 10, publish_out: 10 });
    const channels = (await get('/api/channels')).json as any[];
    expect(channels[0].message_stats).toMatchObject({ publish: 11, confirm: 11, return_unroutable: 1, drop_unroutable: 0, ack: 9 });
    const overview = (await get('/api/overview')).json;
    expect(overview.message_stats).toMatchObject({ publish: 11, deliver_get: 10, ack: 9 });
    expect(overview.object_totals).toEqual({ channels: 1, connections: 1, consumers: 1, exchanges: 8, queues: 1 });
    // No Erlang here: the runtime takes its place, in a field of its own.
    expect(overview.erlang_version).toBeUndefined();
    expect(overview.runtime).toBe(`Node.js ${process.version}`);

    // Rates: 36 more publishes in the next interval (an hour here) are a rate of 0.01/s, then 0 once nothing more comes.
    for (let i = 0; i < 36; i++) ch.publish('sx', '', Buffer.from('x'));
    await ch.waitForConfirms();
    mgmt.state.sampler.sample(T + HOUR);
    const rateOf = async (path: string) => (await get(`${path}?columns=message_stats.publish_details.rate`)).json.message_stats.publish_details.rate as number;
    expect(await rateOf('/api/queues/%2F/sq')).toBeCloseTo(0.01, 10);
    expect((await get('/api/exchanges/%2F/sx?columns=message_stats.publish_in_details.rate')).json.message_stats.publish_in_details.rate).toBeCloseTo(0.01, 10);
    expect(await rateOf('/api/overview')).toBeCloseTo(0.01, 10);
    const conns = (await get('/api/connections')).json as any[];
    expect(conns[0].recv_oct).toBeGreaterThan(0);
    expect(conns[0].recv_oct_details.rate).toBeGreaterThan(0);
    const series = (await get(`/api/queues/%2F/sq?msg_rates_age=${2 * 3600}&msg_rates_incr=3600`)).json.message_stats.publish_details;
    expect(series).toEqual({ rate: 0.01, samples: [{ sample: 46, timestamp: T + HOUR }, { sample: 10, timestamp: T }], avg: 28, avg_rate: 0.01 });
    mgmt.state.sampler.sample(T + 2 * HOUR);
    expect(await rateOf('/api/queues/%2F/sq')).toBe(0);
    await conn.close();
  });

  it('management users see their vhosts and their own connections; monitoring users see everything', async () => {
    registry.addVhost('private');
    registry.addUser('mgr', 'p', ['management']);
    registry.addUser('mon', 'p', ['monitoring']);
    registry.setPermissions('mgr', 'private', { configure: '.*', write: '.*', read: '.*' });
    const guestConn = await amqp.connect(amqpUrl);
    const mgrConn = await amqp.connect(amqpUrl.replace('guest:guest@', 'mgr:p@') + '/private');
    await new Promise((r) => setTimeout(r, 50));
    expect(((await get('/api/vhosts', ['mgr', 'p'])).json as any[]).map((v) => v.name)).toEqual(['private']);
    expect(((await get('/api/connections', ['mgr', 'p'])).json as any[]).map((c) => c.user)).toEqual(['mgr']);
    expect(((await get('/api/connections', ['mon', 'p'])).json as any[]).map((c) => c.user).sort()).toEqual(['guest', 'mgr']);
    expect(((await get('/api/vhosts', ['mon', 'p'])).json as any[]).map((v) => v.name).sort()).toEqual(['/', 'private']);
    expect((await get('/api/queues/%2F', ['mgr', 'p'])).json).toEqual({ error: 'not_authorised', reason: 'User not authorised to access virtual host' });
    expect((await get('/api/users', ['mon', 'p'])).json).toEqual({ error: 'not_authorised', reason: 'Not administrator user' });
    // The overview counts and rates only what the user may see.
    const T = (Math.floor(Date.now() / HOUR) + 10) * HOUR;
    mgmt.state.sampler.sample(T);
    const guestCh = await guestConn.createConfirmChannel();
    await guestCh.assertQueue('pub');
    guestCh.sendToQueue('pub', Buffer.from('1'));
    await guestCh.waitForConfirms();
    const mgrCh = await mgrConn.createConfirmChannel();
    await mgrCh.assertQueue('priv');
    for (let i = 0; i < 2; i++) mgrCh.sendToQueue('priv', Buffer.from('2'));
    await mgrCh.waitForConfirms();
    mgmt.state.sampler.sample(T + HOUR);
    const mine = (await get('/api/overview', ['mgr', 'p'])).json;
    expect({ publish: mine.message_stats.publish, rate: mine.message_stats.publish_details.rate, messages: mine.queue_totals.messages })
      .toEqual({ publish: 2, rate: 2 / 3600, messages: 2 });
    const all = (await get('/api/overview')).json;
    expect({ publish: all.message_stats.publish, rate: all.message_stats.publish_details.rate, messages: all.queue_totals.messages })
      .toEqual({ publish: 3, rate: 3 / 3600, messages: 3 });
    await Promise.all([guestConn.close(), mgrConn.close()]);
  });
});
