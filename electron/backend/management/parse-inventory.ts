import type { Inventory } from '../../../shared/model/inventory.js';
import { parseRows } from './management-client.js';
import { countBindings, toChannelRow, toConnectionRow, toConsumerRow, toExchangeRow, toOverview, toQueueRow, toVhostRow } from './map-rows.js';
import { type QueueNumbers, queueNumbers } from './queue-numbers.js';
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
  return parseSample(raw).inventory;
}

/**
 * The inventory, and every queue's numbers for the history store, from one validation of the rows.
 * `statsDisabled` is the broker saying it keeps no statistics (unlike an overview without message
 * rates, which is also what a broker that has carried no traffic yet answers).
 */
export function parseSample(raw: RawInventory): { inventory: Inventory; queueNumbers: QueueNumbers; statsDisabled: boolean } {
  const overview = RawOverview.safeParse(raw.overview);
  if (!overview.success) throw new ApiError('broker', 'Unexpected answer from api/overview');
  const counts = countBindings(parseRows('api/bindings', RawBinding, raw.bindings));
  const queues = parseRows('api/queues', RawQueue, raw.queues);
  const model = toOverview(overview.data);
  const inventory: Inventory = {
    overview: model,
    vhosts: parseRows('api/vhosts', RawVhost, raw.vhosts).map(toVhostRow),
    queues: uniqueByKey(queues.map(toQueueRow)),
    exchanges: uniqueByKey(parseRows('api/exchanges', RawExchange, raw.exchanges).map((e) => toExchangeRow(e, counts))),
    connections: uniqueByKey(parseRows('api/connections', RawConnection, raw.connections).map(toConnectionRow)),
    channels: uniqueByKey(parseRows('api/channels', RawChannel, raw.channels).map(toChannelRow)),
    consumers: uniqueByKey(parseRows('api/consumers', RawConsumer, raw.consumers).map(toConsumerRow)),
  };
  const statsDisabled = overview.data.disable_stats === true;
  return { inventory, queueNumbers: queueNumbers(queues, !statsDisabled), statsDisabled };
}
