import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { forEachTarget } from '../support/targets.js';
import { api } from './http-support.js';

const shopExport = JSON.parse(readFileSync(new URL('../../fixtures/rabbitmq-3.10/definitions-vhost-shop.json', import.meta.url), 'utf8')) as Record<string, unknown[]>;
/** Its quorum queue made classic: the embedded broker refuses quorum queues (a known difference), so both brokers get the file it accepts. */
const shop = {
  ...shopExport,
  queues: (shopExport.queues as { arguments: Record<string, unknown> }[]).map(({ arguments: { 'x-queue-type': _type, ...args }, ...queue }) => ({ ...queue, arguments: args })),
};

function normalise(defs: Record<string, unknown>, vhost: string): Record<string, string[]> {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
    return v;
  };
  const out: Record<string, string[]> = {};
  for (const k of ['parameters', 'policies', 'queues', 'exchanges', 'bindings']) {
    // Policies and parameters carry the vhost they were exported from; the target vhost is what counts.
    out[k] = ((defs[k] ?? []) as Record<string, unknown>[]).map((item) => JSON.stringify(sortKeys('vhost' in item ? { ...item, vhost } : item))).sort();
  }
  return out;
}

/**
 * RabbitMQ 3.10's single-vhost export of the "shop" vhost (DLX, AE,
 * internal exchange, exchange-to-exchange bindings, a policy and a vhost
 * limit) imported into a fresh vhost exports back the same on both brokers.
 */
forEachTarget((ctx) => {
  it('a vhost export imports into a new vhost and exports the same', async () => {
    const http = ctx.target.managementUrl;
    const vhost = `warren-defs-${process.pid}-${Date.now().toString(36)}`;
    const V = encodeURIComponent(vhost);
    expect((await api(http, 'PUT', `/api/vhosts/${V}`)).status).toBe(201);
    try {
      const r = await api(http, 'POST', `/api/definitions/${V}`, { body: shop });
      expect(r.status, r.text).toBe(204);
      const exported = (await api(http, 'GET', `/api/definitions/${V}`)).json as Record<string, unknown>;
      expect(normalise(exported, vhost)).toEqual(normalise(shop, vhost));
      const audit = (await api(http, 'GET', `/api/queues/${V}/orders.audit?columns=name,type,durable`)).json;
      expect(audit).toMatchObject({ name: 'orders.audit', durable: true });
    } finally {
      await api(http, 'DELETE', `/api/vhosts/${V}`);
    }
  });
});
