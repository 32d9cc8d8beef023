import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AuthRegistry,
  type AuthDefinitions,
  checkVhostAccess,
  isLoopbackAddress,
  login,
  MECHANISMS_STRING,
  parseAmqplainResponse,
  parsePlainResponse,
} from '../../../electron/broker/auth/index.js';

const plain = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const LOGIN_REFUSED = 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.';

describe('SASL responses', () => {
  it('PLAIN: NUL user NUL password, with an empty authorisation identity only', () => {
    expect(parsePlainResponse(plain('\u0000guest\u0000guest'))).toEqual({ username: 'guest', password: 'guest' });
    expect(parsePlainResponse(plain('\u0000ü\u0000'))).toEqual({ username: 'ü', password: '' });
    expect(parsePlainResponse(plain('authz\u0000guest\u0000guest'))).toBeNull();
    expect(parsePlainResponse(plain('\u0000guest'))).toBeNull();
    expect(parsePlainResponse(plain('\u0000guest\u0000pa\u0000ss'))).toBeNull();
  });

  it('AMQPLAIN: LOGIN and PASSWORD, typed or plain', () => {
    expect(parseAmqplainResponse({ LOGIN: 'u', PASSWORD: 'p' })).toEqual({ username: 'u', password: 'p' });
    expect(parseAmqplainResponse({ LOGIN: { type: 'S', value: 'u' }, PASSWORD: { type: 'S', value: Buffer.from('p') } })).toEqual({
      username: 'u',
      password: 'p',
    });
    expect(parseAmqplainResponse({ LOGIN: 'u' })).toBeNull();
    expect(parseAmqplainResponse({ LOGIN: { type: 'I', value: 1 }, PASSWORD: { type: 'I', value: 2 } })).toBeNull();
  });

  it('offers the mechanisms RabbitMQ 3.10 offers, in its order', () => {
    expect(MECHANISMS_STRING).toBe('AMQPLAIN PLAIN');
  });
});

describe('loopback addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:192.0.2.2', false],
    ['fd00::2', false],
    [undefined, false],
  ])('%s -> %s', (address, expected) => expect(isLoopbackAddress(address)).toBe(expected));
});

describe('login', () => {
  const registry = AuthRegistry.withDefaults();
  registry.addUser('alice', 'wonder', ['monitoring']);

  it('accepts guest/guest from loopback', () => {
    const r = login(registry, { mechanism: 'PLAIN', credentials: { username: 'guest', password: 'guest' }, remoteAddress: '127.0.0.1' });
    expect('user' in r && r.user.tags).toEqual(['administrator']);
  });

  it('refuses guest from another host with the generic text, and says why in the reason', () => {
    const r = login(registry, { mechanism: 'PLAIN', credentials: { username: 'guest', password: 'guest' }, remoteAddress: '192.0.2.2' });
    expect(r).toEqual({
      error: { replyCode: 403, replyText: LOGIN_REFUSED, scope: 'connection' },
      reason: "user 'guest' can only connect via localhost",
    });
  });

  it('lets other users connect from anywhere, and honours a custom loopback list', () => {
    const creds = { username: 'alice', password: 'wonder' };
    expect('user' in login(registry, { mechanism: 'AMQPLAIN', credentials: creds, remoteAddress: '192.0.2.2' })).toBe(true);
    expect('error' in login(registry, { mechanism: 'PLAIN', credentials: creds, remoteAddress: '192.0.2.2', loopbackUsers: ['alice'] })).toBe(true);
  });

  it('refuses a wrong password, an unknown user and an unparseable response alike', () => {
    for (const credentials of [{ username: 'alice', password: 'nope' }, { username: 'bob', password: 'x' }, null]) {
      const r = login(registry, { mechanism: 'PLAIN', credentials, remoteAddress: '127.0.0.1' });
      expect('error' in r && r.error.replyText).toBe(LOGIN_REFUSED);
    }
    const amqplain = login(registry, { mechanism: 'AMQPLAIN', credentials: null, remoteAddress: '127.0.0.1' });
    expect('error' in amqplain && amqplain.error.replyText).toBe(
      'ACCESS_REFUSED - Login was refused using authentication mechanism AMQPLAIN. For details see the broker logfile.',
    );
  });

  it('answers an unknown mechanism with COMMAND_INVALID', () => {
    const r = login(registry, { mechanism: 'EXTERNAL', credentials: null, remoteAddress: '127.0.0.1' });
    expect('error' in r && r.error).toEqual({
      replyCode: 503,
      replyText: "COMMAND_INVALID - unknown authentication mechanism 'EXTERNAL'",
      scope: 'connection',
    });
  });
});

describe('vhost access', () => {
  const registry = AuthRegistry.withDefaults();
  registry.addUser('alice', 'wonder');
  it('530 for a missing vhost and for a vhost without permissions, with RabbitMQ 3.10.8 texts', () => {
    expect(checkVhostAccess(registry, 'guest', '/')).toBeNull();
    expect(checkVhostAccess(registry, 'guest', 'nope')).toEqual({
      replyCode: 530,
      replyText: 'NOT_ALLOWED - vhost nope not found',
      scope: 'connection',
    });
    expect(checkVhostAccess(registry, 'alice', '/')?.replyText).toBe("NOT_ALLOWED - access to vhost '/' refused for user 'alice'");
  });
});

describe('definitions', () => {
  const defs = JSON.parse(readFileSync(new URL('../../fixtures/rabbitmq-3.10/definitions.json', import.meta.url), 'utf8')) as AuthDefinitions;

  it('imports users, vhosts, permissions and topic permissions from RabbitMQ definitions; guest logs in', () => {
    const registry = new AuthRegistry();
    registry.importDefinitions(defs);
    expect(registry.vhosts().sort()).toEqual(['/', 'shop']);
    expect(registry.users().map((u) => u.name).sort()).toEqual(['guest', 'ops', 'orders-svc']);
    expect(registry.getPermissions('orders-svc', 'shop')).toEqual({ configure: '^orders\\.', write: '^(orders|events)\\.', read: '^orders\\.' });
    expect(registry.getTopicPermission('orders-svc', 'shop', 'events.topic')).toEqual({ exchange: 'events.topic', write: '^orders\\.', read: '.*' });
    const r = login(registry, { mechanism: 'PLAIN', credentials: { username: 'guest', password: 'guest' }, remoteAddress: '::1' });
    expect('user' in r).toBe(true);
  });

  it('exports what it imported', () => {
    const registry = new AuthRegistry();
    registry.importDefinitions(defs);
    const out = registry.exportDefinitions();
    const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(out.users)).toEqual(byName(defs.users ?? []).map(({ name, password_hash, hashing_algorithm, tags }) => ({ name, password_hash, hashing_algorithm, tags })));
    expect(out.permissions).toHaveLength(defs.permissions?.length ?? -1);
    expect(out.topic_permissions).toEqual(defs.topic_permissions);
  });

  it('reads comma-separated tags and treats a missing hashing_algorithm as MD5', () => {
    const registry = new AuthRegistry();
    registry.importDefinitions({ users: [{ name: 'old', password_hash: 'x', tags: 'administrator, monitoring' }] });
    expect(registry.getUser('old')).toMatchObject({ tags: ['administrator', 'monitoring'], hashingAlgorithm: 'rabbit_password_hashing_md5' });
  });

  it('deleting a vhost or a user drops the permissions that named it', () => {
    const registry = new AuthRegistry();
    registry.importDefinitions(defs);
    registry.deleteVhost('shop');
    expect(registry.permissions().map((p) => p.vhost)).toEqual(['/']);
    expect(registry.topicPermissions()).toEqual([]);
    registry.deleteUser('guest');
    expect(registry.permissions()).toEqual([]);
  });

  it('refuses permissions for unknown users or vhosts and invalid expressions', () => {
    const registry = AuthRegistry.withDefaults();
    expect(() => registry.setPermissions('ghost', '/', { configure: '', write: '', read: '' })).toThrow(/no user/);
    expect(() => registry.setPermissions('guest', 'nope', { configure: '', write: '', read: '' })).toThrow(/no vhost/);
    expect(() => registry.setPermissions('guest', '/', { configure: '(', write: '', read: '' })).toThrow();
  });
});
