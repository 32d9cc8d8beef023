import type { ChannelModel } from 'amqplib';
import { expect, it } from 'vitest';
import { hashPassword, type HashingAlgorithm } from '../../electron/broker/auth/index.js';
import { nextClose, refusal, type ServerClose } from './support/errors.js';
import { drain, waitForDepth } from './support/messages.js';
import type { Session } from './support/session.js';
import { forEachTarget } from './support/targets.js';

/**
 * Issue section 7. One restricted user per test, on its own vhost:
 * configure ^cfg, write ^w, read ^r; topic exchange w.topic: write
 * ^{username}\. and read ^{vhost}-.
 */
forEachTarget((ctx) => {
  interface Setup {
    s: Session;
    vhost: string;
    user: string;
    restricted: ChannelModel;
    admin: ChannelModel;
    refused: (kind: 'queue' | 'exchange', name: string) => ServerClose;
  }

  async function setup(): Promise<Setup> {
    const s = ctx.session();
    const vhost = await s.vhost();
    const user = await s.user('u', 'pw');
    const admin = s.admin();
    await admin.setPermissions(user, vhost, { configure: '^cfg', write: '^w', read: '^r' });
    await admin.setPermissions('guest', vhost, { configure: '.*', write: '.*', read: '.*' });
    await admin.setTopicPermission(user, vhost, { exchange: 'w.topic', write: '^{username}\\.', read: '^{vhost}-' });
    const guest = await s.connect({ vhost });
    const ch = await s.channel(guest);
    for (const q of ['w-q', 'r-q', 'cfg-q']) await ch.assertQueue(q);
    await ch.assertExchange('w.topic', 'topic');
    await ch.assertExchange('r.topic', 'topic');
    await ch.assertExchange('w.x', 'direct');
    await ch.assertExchange('r.x', 'direct');
    await ch.bindQueue('w-q', 'w.topic', '#');
    await ch.bindQueue('w-q', 'w.x', 'k');
    const restricted = await s.connect({ user, password: 'pw', vhost });
    return {
      s,
      vhost,
      user,
      restricted,
      admin: guest,
      refused: (kind, name) => ({ code: 403, text: `ACCESS_REFUSED - access to ${kind} '${name}' in vhost '${vhost}' refused for user '${user}'` }),
    };
  }

  it('isolates vhosts: the same queue name is a different queue in each', async () => {
    const { s, vhost, admin } = await setup();
    const q = s.name('iso');
    await (await s.channel(admin)).assertQueue(q, { autoDelete: false, exclusive: true });
    expect(await refusal((await s.channel()).checkQueue(q))).toEqual({ code: 404, text: `NOT_FOUND - no queue '${q}' in vhost '/'` });
    expect(await (await s.channel(admin)).checkQueue(q)).toMatchObject({ queue: q });
    expect(vhost).not.toBe('/');
    for (const x of ['amq.direct', 'amq.fanout', 'amq.topic', 'amq.headers', 'amq.match']) {
      await expect((await s.channel(admin)).checkExchange(x), `${x} in a new vhost`).resolves.toBeDefined();
    }
  });

  it('queue.declare and exchange.declare need configure; passive declares need nothing', async () => {
    const { s, restricted, refused } = await setup();
    expect(await refusal((await s.channel(restricted)).assertQueue('zzz'))).toEqual(refused('queue', 'zzz'));
    expect(await refusal((await s.channel(restricted)).assertExchange('zzz', 'direct'))).toEqual(refused('exchange', 'zzz'));
    await expect((await s.channel(restricted)).assertQueue('cfg-new', { exclusive: true })).resolves.toMatchObject({ queue: 'cfg-new' });
    await expect((await s.channel(restricted)).checkQueue('r-q')).resolves.toBeDefined();
    await expect((await s.channel(restricted)).checkExchange('amq.direct')).resolves.toBeDefined();
  });

  it('a server-named queue is checked under its generated name', async () => {
    const { s, restricted, vhost, user } = await setup();
    const r = await refusal((await s.channel(restricted)).assertQueue(''));
    expect(r.code).toBe(403);
    expect(r.text).toMatch(new RegExp(`^ACCESS_REFUSED - access to queue 'amq\\.gen-[A-Za-z0-9_-]{22}' in vhost '${vhost}' refused for user '${user}'$`));
  });

  it('a new queue with a dead-letter exchange also needs read on the queue; a new exchange with an AE read on it', async () => {
    const { s, restricted, refused } = await setup();
    expect(await refusal((await s.channel(restricted)).assertQueue('cfg-dl', { deadLetterExchange: 'w.x' }))).toEqual(refused('queue', 'cfg-dl'));
    expect(await refusal((await s.channel(restricted)).assertExchange('cfg-ae', 'direct', { alternateExchange: 'w.x' }))).toEqual(
      refused('exchange', 'cfg-ae'),
    );
  });

  it('queue.delete and exchange.delete need configure; purge, get and consume need read', async () => {
    const { s, restricted, refused } = await setup();
    expect(await refusal((await s.channel(restricted)).deleteQueue('r-q'))).toEqual(refused('queue', 'r-q'));
    expect(await refusal((await s.channel(restricted)).deleteExchange('r.x'))).toEqual(refused('exchange', 'r.x'));
    expect(await refusal((await s.channel(restricted)).purgeQueue('cfg-q'))).toEqual(refused('queue', 'cfg-q'));
    expect(await refusal((await s.channel(restricted)).get('cfg-q'))).toEqual(refused('queue', 'cfg-q'));
    expect(await refusal((await s.channel(restricted)).consume('cfg-q', () => undefined))).toEqual(refused('queue', 'cfg-q'));
    await expect((await s.channel(restricted)).get('r-q')).resolves.toBe(false);
    await expect((await s.channel(restricted)).purgeQueue('r-q')).resolves.toEqual({ messageCount: 0 });
  });

  it('queue.bind needs write on the queue, then read on the exchange', async () => {
    const { s, restricted, refused } = await setup();
    expect(await refusal((await s.channel(restricted)).bindQueue('cfg-q', 'amq.direct', 'k'))).toEqual(refused('queue', 'cfg-q'));
    expect(await refusal((await s.channel(restricted)).bindQueue('w-q', 'w.topic', 'k'))).toEqual(refused('exchange', 'w.topic'));
    await expect((await s.channel(restricted)).bindQueue('w-q', 'r.topic', 'k')).resolves.toBeDefined();
  });

  it('exchange.bind needs write on the destination and read on the source', async () => {
    const { s, restricted, refused } = await setup();
    expect(await refusal((await s.channel(restricted)).bindExchange('r.x', 'r.topic', 'k'))).toEqual(refused('exchange', 'r.x'));
    expect(await refusal((await s.channel(restricted)).bindExchange('w.x', 'w.topic', 'k'))).toEqual(refused('exchange', 'w.topic'));
    await expect((await s.channel(restricted)).bindExchange('w.x', 'r.topic', 'k')).resolves.toBeDefined();
  });

  it('basic.publish needs write on the exchange; the default exchange is checked as amq.default', async () => {
    const { s, restricted, refused, admin } = await setup();
    const ch = await s.channel(restricted);
    const closed = nextClose(ch);
    ch.publish('', 'w-q', Buffer.from('x'));
    expect(await closed).toEqual(refused('exchange', 'amq.default'));
    const ok = await s.confirmChannel(restricted);
    ok.publish('w.x', 'k', Buffer.from('via-w.x'));
    await ok.waitForConfirms();
    const reader = await s.channel(admin);
    await waitForDepth(reader, 'w-q', 1);
  });

  it('topic permissions: {username} and {vhost} expand; only topic exchanges with a topic permission are checked', async () => {
    const { s, restricted, vhost, user, admin } = await setup();
    const bad = await s.channel(restricted);
    const closed = nextClose(bad);
    bad.publish('w.topic', 'k', Buffer.from('x'));
    expect(await closed).toEqual({
      code: 403,
      text: `ACCESS_REFUSED - access to topic 'k' in exchange 'w.topic' in vhost '${vhost}' refused for user '${user}'`,
    });
    const good = await s.confirmChannel(restricted);
    good.publish('w.topic', `${user}.k`, Buffer.from('allowed'));
    good.publish('w.x', 'k', Buffer.from('direct-unchecked'));
    await good.waitForConfirms();
    const reader = await s.channel(admin);
    await waitForDepth(reader, 'w-q', 2);
    expect((await drain(reader, 'w-q')).map((m) => m.content.toString())).toEqual(['allowed', 'direct-unchecked']);
  });

  it('topic permissions: binding to a topic exchange checks read on the binding key', async () => {
    const { s, restricted, vhost, user } = await setup();
    await s.admin().setTopicPermission(user, vhost, { exchange: 'r.topic', write: '', read: '^{vhost}-' });
    expect(await refusal((await s.channel(restricted)).bindQueue('w-q', 'r.topic', 'k'))).toEqual({
      code: 403,
      text: `ACCESS_REFUSED - access to topic 'k' in exchange 'r.topic' in vhost '${vhost}' refused for user '${user}'`,
    });
    await expect((await s.channel(restricted)).bindQueue('w-q', 'r.topic', `${vhost}-k`)).resolves.toBeDefined();
  });

  it('user_id must match the authenticated user', async () => {
    const { s, restricted, user } = await setup();
    const ch = await s.channel(restricted);
    const closed = nextClose(ch);
    ch.publish('w.x', 'k', Buffer.from('x'), { userId: 'someone-else' });
    expect(await closed).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - user_id property set to 'someone-else' but authenticated user was '${user}'`,
    });
    const ok = await s.confirmChannel(restricted);
    ok.publish('w.x', 'k', Buffer.from('x'), { userId: user });
    await ok.waitForConfirms();
  });

  it.each(['rabbit_password_hashing_sha256', 'rabbit_password_hashing_sha512', 'rabbit_password_hashing_md5'] as const)(
    'imported %s hashes log in with the original password',
    async (algorithm: HashingAlgorithm) => {
      const s = ctx.session();
      const user = await s.userWithHash(algorithm.slice(-6), hashPassword('orig-pässword', algorithm), algorithm);
      await s.admin().setPermissions(user, '/', { configure: '', write: '', read: '' });
      const conn = await s.connect({ user, password: 'orig-pässword' });
      expect(conn.connection.serverProperties).toBeDefined();
      const wrong = await s.connect({ user, password: 'other' }).then(
        () => 'connected',
        () => 'refused',
      );
      expect(wrong).toBe('refused');
    },
  );
});
