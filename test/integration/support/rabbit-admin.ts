import { randomBytes } from 'node:crypto';
import { RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL } from '../../support/requirements.js';

/** Test-side access to the real broker, independent of the code under test. */
const mgmt = new URL(RABBITMQ_MANAGEMENT_URL);
const amqpUrl = new URL(RABBITMQ_URL);
export const RABBIT_USER = decodeURIComponent(amqpUrl.username || 'guest');
export const RABBIT_PASSWORD = decodeURIComponent(amqpUrl.password || 'guest');
export const RABBIT_HOST = amqpUrl.hostname;
export const RABBIT_AMQP_PORT = Number(amqpUrl.port || 5672);
export const RABBIT_HTTP_PORT = Number(mgmt.port || 15672);
/** The AMQP URI without credentials, as profiles store it. */
export const RABBIT_URI = `amqp://${RABBIT_HOST}:${RABBIT_AMQP_PORT}`;

export const uniqueName = (prefix: string): string => `warren-test.${prefix}.${randomBytes(4).toString('hex')}`;

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  const auth = Buffer.from(`${RABBIT_USER}:${RABBIT_PASSWORD}`).toString('base64');
  return fetch(new URL(path, RABBITMQ_MANAGEMENT_URL), {
    method,
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export async function deleteQueue(vhost: string, name: string): Promise<void> {
  await api('DELETE', `/api/queues/${encodeURIComponent(vhost)}/${encodeURIComponent(name)}`);
}

export async function createVhost(name: string): Promise<void> {
  const res = await api('PUT', `/api/vhosts/${encodeURIComponent(name)}`, {});
  if (!res.ok) throw new Error(`creating vhost ${name}: HTTP ${res.status}`);
}

/** Creating a vhost over HTTP grants its creator full permissions; this takes them away again. */
export async function revokePermissions(vhost: string, user: string): Promise<void> {
  const res = await api('DELETE', `/api/permissions/${encodeURIComponent(vhost)}/${encodeURIComponent(user)}`);
  if (!res.ok && res.status !== 404) throw new Error(`revoking ${user} on ${vhost}: HTTP ${res.status}`);
}

export async function deleteVhost(name: string): Promise<void> {
  await api('DELETE', `/api/vhosts/${encodeURIComponent(name)}`);
}

/** Polls until `check` returns a value, or fails with the last state after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
