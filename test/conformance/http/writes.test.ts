import amqp from 'amqplib';
import { expect, it } from 'vitest';
import { hashPassword } from '../../../electron/broker/auth/index.js';
import { forEachTarget } from '../support/targets.js';
import { api } from './http-support.js';

/**
 * Management API writes on both targets with the same expectations: every
 * status, body and effect below is what RabbitMQ 3.10.8 answers.
 */
forEachTarget((ctx) => {
  const http = () => ctx.target.managementUrl;
  const e = encodeURIComponent;

  it('queues: PUT creates (201, durable false by default), PUT again 204, DELETE 204 then 404', async () => {
    const s = ctx.session();
    const q = s.queueName();
    expect((await api(http(), 'PUT', `/api/queues/%2F/${e(q)}`, { body: {} })).status).toBe(201);
    expect((await api(http(), 'PUT', `/api/queues/%2F/${e(q)}`, { body: {} })).status).toBe(204);
    const got = (await api(http(), 'GET', `/api/queues/%2F/${e(q)}?columns=name,durable,auto_delete,exclusive,arguments`)).json;
    expect(got).toEqual({ name: q, durable: false, auto_delete: false, exclusive: false, arguments: {} });
    const bad = await api(http(), 'PUT', `/api/queues/%2F/${e(q)}`, { body: { durable: true } });
    expect({ status: bad.status, body: bad.json }).toEqual({
      status: 400, body: { error: 'bad_request', reason: `inequivalent arg 'durable' for queue '${q}' in vhost '/': received 'true' but current is 'false'` },
    });
    expect((await api(http(), 'DELETE', `/api/queues/%2F/${e(q)}`)).status).toBe(204);
    expect((await api(http(), 'DELETE', `/api/queues/%2F/${e(q)}`)).status).toBe(404);
  });

  it('bindings: POST answers 201 with a Location of destination/properties key; DELETE by properties key', async () => {
    const s = ctx.session();
    const q = s.queueName();
    const x = s.exchangeName();
    await api(http(), 'PUT', `/api/queues/%2F/${e(q)}`, { body: {} });
    await api(http(), 'PUT', `/api/exchanges/%2F/${e(x)}`, { body: { type: 'topic' } });
    const posted = await api(http(), 'POST', `/api/bindings/%2F/e/${e(x)}/q/${e(q)}`, { body: { routing_key: 'k.#' } });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('location')).toBe(`${e(q)}/k.%2523`);
    const list = (await api(http(), 'GET', `/api/bindings/%2F/e/${e(x)}/q/${e(q)}`)).json;
    expect(list).toEqual([{ source: x, vhost: '/', destination: q, destination_type: 'queue', routing_key: 'k.#', arguments: {}, properties_key: 'k.%23' }]);
    expect((await api(http(), 'GET', `/api/queues/%2F/${e(q)}/bindings`)).json).toHaveLength(2);
    expect((await api(http(), 'DELETE', `/api/bindings/%2F/e/${e(x)}/q/${e(q)}/k.%23`)).status).toBe(204);
    expect((await api(http(), 'DELETE', `/api/bindings/%2F/e/${e(x)}/q/${e(q)}/k.%23`)).status).toBe(404);
    expect((await api(http(), 'GET', `/api/exchanges/%2F/${e(x)}/bindings/source`)).json).toEqual([]);
  });

  it('publish and get: routed flags, ack modes, encodings and truncation as RabbitMQ', async () => {
    const s = ctx.session();
    const q = s.queueName();
    const x = s.exchangeName();
    await api(http(), 'PUT', `/api/queues/%2F/${e(q)}`, { body: {} });
    await api(http(), 'PUT', `/api/exchanges/%2F/${e(x)}`, { body: { type: 'topic' } });
    await api(http(), 'POST', `/api/bindings/%2F/e/${e(x)}/q/${e(q)}`, { body: { routing_key: 'k.#' } });
    const publish = (body: unknown) => api(http(), 'POST', `/api/exchanges/%2F/${e(x)}/publish`, { body });
    expect((await publish({ routing_key: 'k.1', payload: 'hello world', payload_encoding: 'string', properties: { delivery_mode: 2, headers: { h: 1 } } })).json).toEqual({ routed: true });
    expect((await publish({ routing_key: 'z', payload: 'x', payload_encoding: 'string', properties: {} })).json).toEqual({ routed: false });
    expect((await publish({ routing_key: 'k.2', payload: 'AAEC', payload_encoding: 'base64', properties: {} })).json).toEqual({ routed: true });
    const get = (body: unknown) => api(http(), 'POST', `/api/queues/%2F/${e(q)}/get`, { body });
    const first = await get({ count: 5, ackmode: 'ack_requeue_true', encoding: 'auto', truncate: 5 });
    expect(first.json).toEqual([
      { payload_bytes: 11, redelivered: false, exchange: x, routing_key: 'k.1', message_count: 1, properties: { delivery_mode: 2, headers: { h: 1 } }, payload: 'hello', payload_encoding: 'string' },
      { payload_bytes: 3, redelivered: false, exchange: x, routing_key: 'k.2', message_count: 0, properties: [], payload: '\u0000\u0001\u0002', payload_encoding: 'string' },
    ]);
    const second = await get({ count: 1, ackmode: 'ack_requeue_false', encoding: 'base64' });
    expect(second.json).toEqual([
      { payload_bytes: 11, redelivered: true, exchange: x, routing_key: 'k.1', message_count: 1, properties: { delivery_mode: 2, headers: { h: 1 } }, payload: 'aGVsbG8gd29ybGQ=', payload_encoding: 'base64' },
    ]);
    const third = await get({ count: 1, ackmode: 'reject_requeue_true', encoding: 'auto' });
    expect((third.json as { redelivered: boolean }[])[0]!.redelivered).toBe(true);
    const fourth = await get({ count: 1, ackmode: 'reject_requeue_false', encoding: 'auto' });
    expect((fourth.json as { routing_key: string }[])[0]!.routing_key).toBe('k.2');
    expect((await get({ count: 1, ackmode: 'ack_requeue_true', encoding: 'auto' })).json).toEqual([]);
  });

  it('publish and get: missing keys, bad encodings and missing exchanges are 400 with RabbitMQ\'s reasons', async () => {
    const s = ctx.session();
    const q = s.queueName();
    await api(http(), 'PUT', `/api/queues/%2F/${e(q)}`, { body: {} });
    const cases: [string, string, unknown, unknown][] = [
      [`/api/queues/%2F/${e(q)}/get`, 'POST', {}, '[{key_missing,ackmode},{key_missing,count},{key_missing,encoding}]'],
      [`/api/queues/%2F/${e(q)}/get`, 'POST', { count: 1, ackmode: 'ack_requeue_true', encoding: 'x' }, 'Unsupported encoding. Please use auto or base64.'],
      ['/api/exchanges/%2F/amq.default/publish', 'POST', { routing_key: 'k' }, '[{key_missing,properties},\n {key_missing,payload},\n {key_missing,payload_encoding}]'],
      ['/api/exchanges/%2F/amq.default/publish', 'POST', { routing_key: q, payload: 'x', payload_encoding: 'nope', properties: {} }, ['unsupported_encoding', 'nope']],
      [`/api/exchanges/%2F/${e(s.name('nox'))}/publish`, 'POST', { routing_key: 'k', payload: '', payload_encoding: 'string', properties: {} }, `404 NOT_FOUND - no exchange '${s.name('nox')}' in vhost '/'`],
    ];
    for (const [path, method, body, reason] of cases) {
      const r = await api(http(), method, path, { body });
      expect({ path, status: r.status, body: r.json }).toEqual({ path, status: 400, body: { error: 'bad_request', reason } });
    }
    expect((await api(http(), 'POST', '/api/exchanges/%2F/amq.default/publish', { body: { routing_key: q, payload: 'x', payload_encoding: 'string', properties: {} } })).json).toEqual({ routed: true });
  });

  it('purge, delete if-empty and if-unused', async () => {
    const s = ctx.session();
    const q = s.queueName();
    const x = s.exchangeName();
    await api(http(), 'PUT', `/api/queues/%2F/${e(q)}`, { body: {} });
    await api(http(), 'PUT', `/api/exchanges/%2F/${e(x)}`, { body: { type: 'fanout' } });
    await api(http(), 'POST', `/api/bindings/%2F/e/${e(x)}/q/${e(q)}`, { body: {} });
    await api(http(), 'POST', `/api/exchanges/%2F/${e(x)}/publish`, { body: { routing_key: '', payload: 'm', payload_encoding: 'string', properties: {} } });
    const notEmpty = await api(http(), 'DELETE', `/api/queues/%2F/${e(q)}?if-empty=true`);
    expect({ status: notEmpty.status, body: notEmpty.json }).toEqual({ status: 400, body: { error: 'bad_request', reason: `queue '${q}' in vhost '/' not empty` } });
    const inUse = await api(http(), 'DELETE', `/api/exchanges/%2F/${e(x)}?if-unused=true`);
    expect({ status: inUse.status, body: inUse.json }).toEqual({ status: 400, body: { error: 'bad_request', reason: `exchange '${x}' in vhost '/' in use` } });
    expect((await api(http(), 'DELETE', `/api/queues/%2F/${e(q)}/contents`)).status).toBe(204);
    expect((await api(http(), 'POST', `/api/queues/%2F/${e(q)}/get`, { body: { count: 1, ackmode: 'ack_requeue_true', encoding: 'auto' } })).json).toEqual([]);
    expect((await api(http(), 'DELETE', `/api/queues/%2F/${e(q)}?if-empty=true`)).status).toBe(204);
    expect((await api(http(), 'DELETE', `/api/exchanges/%2F/${e(x)}?if-unused=true`)).status).toBe(204);
  });

  it('users and permissions: passwords and hashes log in over AMQP; missing keys are listed', async () => {
    const s = ctx.session();
    const vhost = await s.vhost();
    const plain = s.name('plain');
    const hashed = s.name('hashed');
    try {
      expect((await api(http(), 'PUT', `/api/users/${e(plain)}`, { body: { password: 'pw1', tags: 'management' } })).status).toBe(201);
      expect((await api(http(), 'PUT', `/api/users/${e(hashed)}`, {
        body: { password_hash: hashPassword('pw2', 'rabbit_password_hashing_sha512'), hashing_algorithm: 'rabbit_password_hashing_sha512', tags: [] },
      })).status).toBe(201);
      const missing = await api(http(), 'PUT', `/api/permissions/${e(vhost)}/${e(plain)}`, { body: { configure: '.*', write: '.*' } });
      expect({ status: missing.status, body: missing.json }).toEqual({ status: 400, body: { error: 'bad_request', reason: '[{key_missing,read}]' } });
      for (const u of [plain, hashed]) {
        expect((await api(http(), 'PUT', `/api/permissions/${e(vhost)}/${e(u)}`, { body: { configure: '.*', write: '.*', read: '.*' } })).status).toBe(201);
      }
      for (const [u, p] of [[plain, 'pw1'], [hashed, 'pw2']] as const) {
        const conn = await amqp.connect(ctx.target.url({ user: u, password: p, vhost }));
        await conn.close();
      }
      expect((await api(http(), 'GET', `/api/users/${e(plain)}?columns=name,tags,hashing_algorithm`)).json).toEqual({
        name: plain, tags: ['management'], hashing_algorithm: 'rabbit_password_hashing_sha256',
      });
      expect((await api(http(), 'GET', '/api/whoami', { auth: `Basic ${Buffer.from(`${plain}:pw1`).toString('base64')}` })).json).toEqual({ name: plain, tags: ['management'] });
    } finally {
      expect((await api(http(), 'DELETE', `/api/users/${e(plain)}`)).status).toBe(204);
      expect((await api(http(), 'DELETE', `/api/users/${e(hashed)}`)).status).toBe(204);
    }
    expect((await api(http(), 'GET', `/api/users/${e(plain)}`)).status).toBe(404);
  });

  it('refused writes: reserved names, bad types, missing objects, as RabbitMQ answers them', async () => {
    const s = ctx.session();
    const q = s.queueName();
    const cases: [string, string, unknown, number, unknown][] = [
      ['PUT', '/api/exchanges/%2F/amq.foo', { type: 'direct' }, 401, { error: 'not_authorised', reason: 'Access refused.' }],
      ['PUT', '/api/queues/%2F/amq.foo', {}, 401, { error: 'not_authorised', reason: 'Access refused.' }],
      ['DELETE', '/api/exchanges/%2F/amq.direct', undefined, 401, { error: 'not_authorised', reason: 'Access refused.' }],
      ['PUT', `/api/exchanges/%2F/${e(s.exchangeName())}`, { type: 'warren-no-such-type' }, 400, { error: 'bad_request', reason: "unknown exchange type 'warren-no-such-type'" }],
      ['PUT', `/api/queues/%2F/${e(q)}`, { durable: 'yes' }, 400, { error: 'bad_request', reason: ['not_boolean', 'yes'] }],
      ['POST', `/api/bindings/%2F/e/${e(s.name('nox'))}/q/${e(q)}`, {}, 404, { error: 'not_found', reason: `no exchange '${s.name('nox')}' in vhost '/'` }],
      ['POST', `/api/bindings/%2F/e/amq.direct/q/${e(q)}`, {}, 404, { error: 'not_found', reason: `no queue '${q}' in vhost '/'` }],
      ['DELETE', `/api/exchanges/%2F/${e(s.name('nox'))}`, undefined, 404, { error: 'Object Not Found', reason: 'Not Found' }],
      ['DELETE', `/api/permissions/%2F/${e(s.name('nobody'))}`, undefined, 404, { error: 'Object Not Found', reason: 'Not Found' }],
      ['PUT', `/api/permissions/${e(s.name('novhost'))}/guest`, { configure: '.*', write: '.*', read: '.*' }, 400, { error: 'bad_request', reason: 'vhost_or_user_not_found' }],
      ['PUT', `/api/queues/${e(s.name('novhost'))}/q`, {}, 404, { error: 'not_found', reason: 'vhost_not_found' }],
    ];
    for (const [method, path, body, status, answer] of cases) {
      const r = await api(http(), method, path, { body });
      expect({ method, path, status: r.status, body: r.json }).toEqual({ method, path, status, body: answer });
    }
  });

  it('another connection\'s exclusive queue is locked for get, purge, bind and delete', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.trackQueue((await ch.assertQueue('', { exclusive: true })).queue);
    const locked = `cannot obtain exclusive access to locked queue '${q}' in vhost '/'. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`;
    const cases: [string, string, unknown, string][] = [
      ['POST', `/api/queues/%2F/${e(q)}/get`, { count: 1, ackmode: 'ack_requeue_true', encoding: 'auto' }, `405 RESOURCE_LOCKED - ${locked}`],
      ['DELETE', `/api/queues/%2F/${e(q)}/contents`, undefined, locked],
      ['POST', `/api/bindings/%2F/e/amq.direct/q/${e(q)}`, {}, locked],
      ['DELETE', `/api/queues/%2F/${e(q)}`, undefined, locked],
    ];
    for (const [method, path, body, reason] of cases) {
      const r = await api(http(), method, path, { body });
      expect({ method, status: r.status, body: r.json }).toEqual({ method, status: 400, body: { error: 'bad_request', reason } });
    }
  });

  it('a management user is held to its permissions, as on AMQP', async () => {
    const s = ctx.session();
    const user = s.name('limited');
    const ok = s.queueName('ok');
    const no = s.queueName('no');
    await api(http(), 'PUT', `/api/users/${e(user)}`, { body: { password: 'p', tags: 'management' } });
    try {
      const only = `^${s.name('ok')}$`;
      await api(http(), 'PUT', `/api/permissions/%2F/${e(user)}`, { body: { configure: only, write: only, read: only } });
      const as = (method: string, path: string, body?: unknown) => api(http(), method, path, { body, auth: `Basic ${Buffer.from(`${user}:p`).toString('base64')}` });
      const answers = [
        await as('PUT', `/api/queues/%2F/${e(no)}`, {}),
        await as('PUT', `/api/queues/%2F/${e(ok)}`, {}),
        await as('POST', `/api/queues/%2F/${e(ok)}/get`, { count: 1, ackmode: 'ack_requeue_true', encoding: 'auto' }),
        await as('POST', '/api/exchanges/%2F/amq.direct/publish', { routing_key: 'x', payload: '', payload_encoding: 'string', properties: {} }),
        await as('POST', `/api/bindings/%2F/e/amq.direct/q/${e(ok)}`, {}),
        await as('PUT', `/api/policies/%2F/${e(s.name('pol'))}`, { pattern: 'x', definition: { 'max-length': 1 } }),
        await as('PUT', `/api/vhosts/${e(s.name('vh'))}`),
        await as('GET', '/api/definitions'),
      ].map((r) => ({ status: r.status, body: r.json }));
      expect(answers).toEqual([
        { status: 401, body: { error: 'not_authorised', reason: 'Access refused.' } },
        { status: 201, body: undefined },
        { status: 200, body: [] },
        { status: 400, body: { error: 'bad_request', reason: `403 ACCESS_REFUSED - access to exchange 'amq.direct' in vhost '/' refused for user '${user}'` } },
        { status: 401, body: { error: 'not_authorised', reason: 'Access refused.' } },
        { status: 401, body: { error: 'not_authorised', reason: 'User not authorised to access object' } },
        { status: 401, body: { error: 'not_authorised', reason: 'Not administrator user' } },
        { status: 401, body: { error: 'not_authorised', reason: 'Not administrator user' } },
      ]);
    } finally {
      await api(http(), 'DELETE', `/api/users/${e(user)}`);
    }
  });

  it('vhosts keep a description and tags; a new PUT replaces them', async () => {
    const s = ctx.session();
    const V = encodeURIComponent(s.name('meta'));
    try {
      expect((await api(http(), 'PUT', `/api/vhosts/${V}`, { body: { description: 'hello', tags: 'a,b', default_queue_type: 'quorum' } })).status).toBe(201);
      expect((await api(http(), 'GET', `/api/vhosts/${V}?columns=description,tags,default_queue_type,metadata`)).json).toEqual({
        description: 'hello', tags: ['a', 'b'], default_queue_type: 'undefined', metadata: { description: 'hello', tags: ['a', 'b'] },
      });
      expect((await api(http(), 'PUT', `/api/vhosts/${V}`, { body: { tags: ['c'] } })).status).toBe(204);
      expect((await api(http(), 'GET', `/api/vhosts/${V}?columns=description,tags`)).json).toEqual({ description: '', tags: ['c'] });
    } finally {
      await api(http(), 'DELETE', `/api/vhosts/${V}`);
    }
  });

  it('health checks: the node, and a vhost\'s aliveness test (a queue declared, a message through it)', async () => {
    expect((await api(http(), 'GET', '/api/healthchecks/node')).json).toEqual({ status: 'ok' });
    expect((await api(http(), 'GET', '/api/aliveness-test/%2F')).json).toEqual({ status: 'ok' });
    expect((await api(http(), 'GET', '/api/queues/%2F/aliveness-test?columns=name,durable,auto_delete')).json).toEqual({ name: 'aliveness-test', durable: false, auto_delete: false });
    expect((await api(http(), 'GET', `/api/aliveness-test/${e(ctx.session().name('novhost'))}`)).status).toBe(404);
  });

  it('DELETE /api/connections/{name} closes the connection with 320 CONNECTION_FORCED', async () => {
    const s = ctx.session();
    const tag = s.name('conn');
    const conn = await amqp.connect(ctx.target.url(), { clientProperties: { connection_name: tag } });
    const closed = new Promise<string>((resolve) => conn.on('close', (err: Error | undefined) => resolve(String(err?.message))));
    conn.on('error', () => undefined);
    let name: string | undefined;
    const end = Date.now() + 15_000;
    while (name === undefined && Date.now() < end) {
      const list = (await api(http(), 'GET', '/api/connections?columns=name,client_properties')).json as { name: string; client_properties: { connection_name?: string } }[];
      name = list.find((c) => c.client_properties.connection_name === tag)?.name;
      if (name === undefined) await new Promise((r) => setTimeout(r, 250));
    }
    expect(name).toBeDefined();
    expect((await api(http(), 'DELETE', `/api/connections/${e(name!)}`)).status).toBe(204);
    expect(await closed).toContain('CONNECTION_FORCED - Closed via management plugin');
  });
});
