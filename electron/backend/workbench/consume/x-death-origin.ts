import type { FieldTable } from '../../../../shared/model/workbench/field-value.js';

export type Origin = { queue: string } | { skip: string };

/**
 * Where a dead-lettered message died: the queue of its newest x-death entry. RabbitMQ keeps
 * the entries newest first (an entry whose queue and reason repeat moves to the front).
 */
export function xDeathOrigin(headers: FieldTable): Origin {
  const xDeath = headers['x-death'];
  if (!xDeath) return { skip: 'no x-death header' };
  if (xDeath.type !== 'array' || xDeath.value.length === 0) return { skip: 'x-death header is not a list of deaths' };
  const newest = xDeath.value[0];
  if (newest?.type !== 'table') return { skip: 'x-death header is not a list of deaths' };
  const queue = newest.value['queue'];
  if (queue?.type !== 'string' || queue.value === '') return { skip: 'x-death entry names no queue' };
  return { queue: queue.value };
}
