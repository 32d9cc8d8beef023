import type { Inventory } from '../../../shared/model/inventory.js';
import { parseRows } from './management-client.js';
import { countBindings, toChannelRow, toConnectionRow, toConsumerRow, toExchangeRow, toOverview, toQueueRow, toVhostRow } from './map-rows.js';
import { RawBinding, RawChannel, RawConnection, RawConsumer, RawExchange, RawOverview, RawQueue, RawVhost } from './raw-schemas.js';
import { ApiError } from '../../../shared/api/errors.js';

/** The management API bodies one sample is built from, as they arrived. */
export interface RawInventory {
  overview: unknown;
  vhosts: readonly unknown[];
  queues: readonly unknown[];
  exchanges: readonly unknown[];
  bindings: readonly unknown[];
  connections: readonly unknown[];
  channels: readonly unknown[];
  consumers: readonly unknown[];
}

/** Keeps the last row of each key: pages fetched while queues come and go can repeat a row. */
function uniqueByKey<R extends { key: string }>(rows: R[]): R[] {
  const seen = new Map<string, R>();
  for (const row of rows) seen.set(row.key, row);
  return seen.size === rows.length ? rows : [...seen.values()];
}

/** Validates and maps one sample. Pure: the fixtures test it directly. */
export function parseInventory(raw: RawInventory): Inventory {
  const overview = RawOverview.safeParse(raw.overview);
  if (!overview.success) throw new ApiError('broker', 'Unexpected answer from api/overview');
  const counts = countBindings(parseRows('api/bindings', RawBinding, raw.bindings));
  return {
    overview: toOverview(overview.data),
    vhosts: parseRows('api/vhosts', RawVhost, raw.vhosts).map(toVhostRow),
    queues: uniqueByKey(parseRows('api/queues', RawQueue, raw.queues).map(toQueueRow)),
    exchanges: uniqueByKey(parseRows('api/exchanges', RawExchange, raw.exchanges).map((e) => toExchangeRow(e, counts))),
    connections: uniqueByKey(parseRows('api/connections', RawConnection, raw.connections).map(toConnectionRow)),
    channels: uniqueByKey(parseRows('api/channels', RawChannel, raw.channels).map(toChannelRow)),
    consumers: uniqueByKey(parseRows('api/consumers', RawConsumer, raw.consumers).map(toConsumerRow)),
  };
}
