import { z } from 'zod';
import { keyOf } from '../../../shared/definitions/model.js';
import type { ManagementClient } from '../management/management-client.js';
import { seg } from '../topology/change-requests.js';

type Management = Pick<ManagementClient, 'get' | 'items'>;

const Definitions = z.record(z.string(), z.unknown());

/** The broker's definitions as its own export gives them: the whole broker, or one vhost (single-vhost form). */
export function fetchDefinitions(management: Pick<ManagementClient, 'get'>, vhost: string | null): Promise<Record<string, unknown>> {
  return management.get(vhost === null ? 'api/definitions' : `api/definitions/${seg(vhost)}`, Definitions);
}

const QueueDepth = z.looseObject({ vhost: z.string(), name: z.string(), messages: z.number().optional() });

/** Messages per queue, by keyOf(vhost, name): what a deletion or recreation would destroy. */
export async function queueDepths(management: Management, vhost: string | null): Promise<Map<string, number>> {
  const rows = await management.items(vhost === null ? 'api/queues' : `api/queues/${seg(vhost)}`, { columns: 'vhost,name,messages', paginate: true });
  const out = new Map<string, number>();
  for (const row of rows) {
    const parsed = QueueDepth.safeParse(row);
    if (parsed.success) out.set(keyOf(parsed.data.vhost, parsed.data.name), parsed.data.messages ?? 0);
  }
  return out;
}

const Overview = z.looseObject({ product_name: z.string().optional() });

/** Warren's embedded broker names itself in /api/overview; RabbitMQ says "RabbitMQ" (or nothing, before 3.8). */
export async function isEmbeddedBroker(management: Management): Promise<boolean> {
  const overview = await management.get('api/overview', Overview);
  return overview.product_name === 'Warren';
}
