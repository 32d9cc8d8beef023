import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors.js';
import type { ManagementClient } from '../../../electron/backend/management/management-client.js';
import { parseRows } from '../../../electron/backend/management/management-client.js';
import { fetchTopologySnapshot } from '../../../electron/backend/topology/snapshot.js';
import { fixtureList } from '../backend/fixtures.js';

/** A management API that serves the recorded RabbitMQ 3.10 answers, per vhost, as RabbitMQ does. */
function fixtureBroker(): { client: ManagementClient; paths: string[] } {
  const paths: string[] = [];
  const files: Record<string, string> = { exchanges: 'api-exchanges.json', queues: 'api-queues.json', bindings: 'api-bindings.json', policies: 'api-policies.json' };
  const items = async (path: string): Promise<unknown[]> => {
    paths.push(path);
    const match = /^\/api\/([a-z-]+)\/([^/]+)$/.exec(path);
    const file = match ? files[match[1] as string] : undefined;
    if (!match || !file) throw new ApiError('broker', `Not found: ${path} (HTTP 404)`);
    const vhost = decodeURIComponent(match[2] as string);
    return fixtureList(file).filter((row) => row.vhost === vhost);
  };
  const client = {
    items,
    list: async (path: string, row: Parameters<ManagementClient['list']>[1]) => parseRows(path, row, await items(path)),
  } as unknown as ManagementClient;
  return { client, paths };
}

describe('topology.snapshot over the management API', () => {
  it('reads the "/" vhost with its name encoded in every path', async () => {
    const { client, paths } = fixtureBroker();
    const snapshot = await fetchTopologySnapshot(client, '/');
    expect(paths).toContain('/api/exchanges/%2F');
    expect(snapshot.vhost).toBe('/');
    expect(snapshot.queues.map((q) => q.name).sort()).toEqual(['anheng', 'hello', 'po_box', 'rpc_queue', 'task_queue']);
    expect(snapshot.bindings).toContainEqual({ source: 'topic_logs', destination: 'hello', destinationType: 'queue', routingKey: 'log.*', arguments: {}, propertiesKey: 'log.%2A' });
    // No operator policies served: an empty list, not a failure.
    expect(snapshot.operatorPolicies).toEqual([]);
  });

  it('reads policies and exchange arguments of the shop vhost', async () => {
    const { client } = fixtureBroker();
    const snapshot = await fetchTopologySnapshot(client, 'shop');
    expect(snapshot.policies).toEqual([{ name: 'orders-ha', pattern: '^orders\\.', applyTo: 'queues', priority: 1, definition: { 'max-length-bytes': 104857600 } }]);
    expect(snapshot.exchanges.find((e) => e.name === 'orders')?.arguments).toEqual({ 'alternate-exchange': 'orders.unrouted' });
    expect(snapshot.queues.find((q) => q.name === 'orders.audit')?.type).toBe('quorum');
  });
});
