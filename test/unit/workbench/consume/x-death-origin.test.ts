import { describe, expect, it } from 'vitest';
import { xDeathOrigin } from '../../../../electron/backend/workbench/consume/x-death-origin.js';
import type { FieldTable } from '../../../../shared/model/workbench/field-value.js';

const death = (queue: string, reason = 'rejected'): FieldTable[string] => ({
  type: 'table',
  value: { queue: { type: 'string', value: queue }, reason: { type: 'string', value: reason }, count: { type: 'int', value: 1 } },
});

describe('x-death origin', () => {
  it('is the queue of the newest entry, the first in the list', () => {
    expect(xDeathOrigin({ 'x-death': { type: 'array', value: [death('orders'), death('older', 'expired')] } })).toEqual({ queue: 'orders' });
  });

  it('says why when there is none', () => {
    expect(xDeathOrigin({})).toEqual({ skip: 'no x-death header' });
    expect(xDeathOrigin({ 'x-death': { type: 'string', value: 'x' } })).toEqual({ skip: 'x-death header is not a list of deaths' });
    expect(xDeathOrigin({ 'x-death': { type: 'array', value: [] } })).toEqual({ skip: 'x-death header is not a list of deaths' });
    expect(xDeathOrigin({ 'x-death': { type: 'array', value: [{ type: 'table', value: {} }] } })).toEqual({ skip: 'x-death entry names no queue' });
  });
});
