import { z } from 'zod';
import type { ManagementClient } from '../../management/management-client.js';

const Overview = z.object({ product_name: z.string().optional() });

/** The embedded broker names itself in the overview; its management API has the peek endpoint RabbitMQ lacks. */
const PEEKING_PRODUCT = 'Warren';

/**
 * Whether the broker behind a management client can peek, asked once per session (a new
 * connection makes a new client). A failed question is asked again next time.
 */
export function createPeekCapability(): (management: ManagementClient) => Promise<boolean> {
  const known = new WeakMap<ManagementClient, Promise<boolean>>();
  return (management) => {
    const cached = known.get(management);
    if (cached) return cached;
    const asked = management.get('/api/overview', Overview, { columns: 'product_name' }).then((o) => o.product_name === PEEKING_PRODUCT);
    known.set(management, asked);
    asked.catch(() => known.delete(management));
    return asked;
  };
}
