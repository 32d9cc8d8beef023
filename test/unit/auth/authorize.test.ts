import { describe, expect, it } from 'vitest';
import { type AccessContext, AuthRegistry, authorize, expandTopicVariables, type User } from '../../../electron/broker/auth/index.js';

/**
 * The same user and permissions as the conformance permission scenarios,
 * whose refusal texts were taken from RabbitMQ 3.10.8:
 * configure ^cfg, write ^w, read ^r, and on topic exchange w.topic
 * write ^{username}\. and read ^{vhost}-.
 */
const registry = AuthRegistry.withDefaults();
registry.addVhost('v');
const user: User = registry.addUser('u', 'pw');
registry.setPermissions('u', 'v', { configure: '^cfg', write: '^w', read: '^r' });
registry.setTopicPermission('u', 'v', { exchange: 'w.topic', write: '^{username}\\.', read: '^{vhost}-' });
const ctx: AccessContext = { user, vhost: 'v' };
const refused = (kind: string, name: string) => `ACCESS_REFUSED - access to ${kind} '${name}' in vhost 'v' refused for user 'u'`;
const text = (e: ReturnType<typeof authorize>) => e?.replyText ?? null;

describe('authorize: which permission each operation needs', () => {
  it('queue.declare needs configure on the queue; a new queue with a DLX also read on it and write on the DLX', () => {
    expect(text(authorize(registry, ctx, { method: 'queue.declare', queue: 'zzz', creates: true }))).toBe(refused('queue', 'zzz'));
    expect(authorize(registry, ctx, { method: 'queue.declare', queue: 'cfg-q', creates: true })).toBeNull();
    expect(text(authorize(registry, ctx, { method: 'queue.declare', queue: 'cfg-q', creates: true, deadLetterExchange: 'w.dlx' }))).toBe(
      refused('queue', 'cfg-q'),
    );
    expect(authorize(registry, ctx, { method: 'queue.declare', queue: 'cfg-q', creates: false, deadLetterExchange: 'w.dlx' })).toBeNull();
  });

  it('exchange.declare needs configure; a new one with an AE also read on it and write on the AE', () => {
    expect(text(authorize(registry, ctx, { method: 'exchange.declare', exchange: 'zzz', creates: true }))).toBe(refused('exchange', 'zzz'));
    expect(text(authorize(registry, ctx, { method: 'exchange.declare', exchange: 'cfg-x', creates: true, alternateExchange: 'w.ae' }))).toBe(
      refused('exchange', 'cfg-x'),
    );
    expect(authorize(registry, ctx, { method: 'exchange.declare', exchange: 'cfg-x', creates: true })).toBeNull();
  });

  it('delete needs configure; purge, get and consume need read; direct reply-to needs nothing', () => {
    expect(text(authorize(registry, ctx, { method: 'queue.delete', queue: 'r-q' }))).toBe(refused('queue', 'r-q'));
    expect(text(authorize(registry, ctx, { method: 'exchange.delete', exchange: 'r.x' }))).toBe(refused('exchange', 'r.x'));
    for (const method of ['queue.purge', 'basic.get', 'basic.consume'] as const) {
      expect(text(authorize(registry, ctx, { method, queue: 'cfg-q' }))).toBe(refused('queue', 'cfg-q'));
      expect(authorize(registry, ctx, { method, queue: 'r-q' })).toBeNull();
    }
    expect(authorize(registry, ctx, { method: 'basic.consume', queue: 'amq.rabbitmq.reply-to' })).toBeNull();
  });

  it('queue.bind needs write on the queue, then read on the exchange, then topic read', () => {
    const bind = (queue: string, exchange: string, routingKey = 'k', type = 'topic') =>
      text(authorize(registry, ctx, { method: 'queue.bind', queue, exchange, routingKey, source: { type, internal: false } }));
    expect(bind('cfg-q', 'amq.direct')).toBe(refused('queue', 'cfg-q'));
    expect(bind('w-q', 'w.topic')).toBe(refused('exchange', 'w.topic'));
    expect(bind('w-q', 'r.topic')).toBeNull();
    expect(bind('r-q', 'r.topic')).toBe(refused('queue', 'r-q'));
  });

  it('exchange.bind needs write on the destination and read on the source', () => {
    const op = (destination: string, source: string) =>
      text(authorize(registry, ctx, { method: 'exchange.bind', destination, source, routingKey: '', sourceFacts: null }));
    expect(op('r.x', 'r.y')).toBe(refused('exchange', 'r.x'));
    expect(op('w.x', 'w.y')).toBe(refused('exchange', 'w.y'));
    expect(op('w.x', 'r.y')).toBeNull();
  });

  it('basic.publish: write on the exchange (the default one as amq.default) before anything else', () => {
    const publish = (exchange: string, routingKey: string, target: { type: string; internal: boolean } | null, userId?: string) =>
      text(authorize(registry, ctx, { method: 'basic.publish', exchange, routingKey, target, ...(userId === undefined ? {} : { userId }) }));
    expect(publish('', 'a', { type: 'direct', internal: false })).toBe(refused('exchange', 'amq.default'));
    expect(publish('nope', 'a', null)).toBe(refused('exchange', 'nope'));
    expect(publish('w.missing', 'a', null)).toBeNull();
    expect(publish('w.int', 'a', { type: 'topic', internal: true })).toBe(
      "ACCESS_REFUSED - cannot publish to internal exchange 'w.int' in vhost 'v'",
    );
    expect(publish('w.topic', 'k', { type: 'topic', internal: false })).toBe(
      "ACCESS_REFUSED - access to topic 'k' in exchange 'w.topic' in vhost 'v' refused for user 'u'",
    );
    expect(publish('w.topic', 'u.k', { type: 'topic', internal: false })).toBeNull();
    expect(publish('w.other-topic', 'k', { type: 'topic', internal: false })).toBeNull();
    expect(publish('w.x', 'k', { type: 'direct', internal: false }, 'other')).toBe(
      "PRECONDITION_FAILED - user_id property set to 'other' but authenticated user was 'u'",
    );
    expect(publish('w.x', 'k', { type: 'direct', internal: false }, 'u')).toBeNull();
  });

  it('lets an impersonator set any user_id', () => {
    const imp = registry.addUser('imp', 'pw', ['impersonator']);
    registry.setPermissions('imp', 'v', { configure: '', write: '.*', read: '' });
    expect(
      authorize(registry, { user: imp, vhost: 'v' }, { method: 'basic.publish', exchange: 'x', routingKey: '', target: { type: 'direct', internal: false }, userId: 'x' }),
    ).toBeNull();
  });

  it('treats an empty expression as ^$ and matches unanchored otherwise', () => {
    const r = AuthRegistry.withDefaults();
    const v = r.addUser('v', 'pw');
    r.setPermissions('v', '/', { configure: '', write: 'mid', read: '.*' });
    const c = { user: v, vhost: '/' };
    expect(authorize(r, c, { method: 'queue.declare', queue: 'q', creates: true })?.replyCode).toBe(403);
    expect(authorize(r, c, { method: 'basic.publish', exchange: 'a-mid-b', routingKey: '', target: null })).toBeNull();
  });

  it('expands {username} and {vhost} as plain text', () => {
    expect(expandTopicVariables('^{username}\\.{vhost}.{client_id}', { username: 'a.b', vhost: '/' })).toBe('^a.b\\./.{client_id}');
  });
});

describe('registryAccessControl', () => {
  it("answers the broker's boolean questions from the registry", async () => {
    const { registryAccessControl } = await import('../../../electron/broker/auth/index.js');
    const access = registryAccessControl(registry);
    const u = access.authenticate('u', 'pw', '192.0.2.2');
    expect(u).toEqual({ username: 'u', tags: [] });
    expect(access.authenticate('u', 'bad', '127.0.0.1')).toBeUndefined();
    expect(access.authenticate('guest', 'guest', '192.0.2.2')).toBeUndefined();
    expect(access.vhostExists('v')).toBe(true);
    expect(access.canAccessVhost({ username: 'u' }, 'v')).toBe(true);
    expect(access.canAccessVhost({ username: 'u' }, '/')).toBe(false);
    expect(access.checkResource({ username: 'u' }, 'v', { kind: 'queue', name: 'cfg-q' }, 'configure')).toBe(true);
    expect(access.checkResource({ username: 'u' }, 'v', { kind: 'exchange', name: '' }, 'write')).toBe(false);
    expect(access.checkTopic({ username: 'u' }, 'v', 'w.topic', 'u.k', 'write')).toBe(true);
    expect(access.checkTopic({ username: 'u' }, 'v', 'w.topic', 'k', 'write')).toBe(false);
    expect(access.checkResource({ username: 'ghost' }, 'v', { kind: 'queue', name: 'cfg-q' }, 'configure')).toBe(false);
  });
});
