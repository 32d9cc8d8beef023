import type { ColumnDef } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import { sortRows } from '../../../renderer/components/sortRows.js';

type R = { name: string; ready: number; vhost: string };
const columns: ColumnDef<R, unknown>[] = [
  { id: 'name', accessorFn: (r) => r.name },
  { id: 'ready', accessorFn: (r) => r.ready },
  { id: 'vhost', accessorFn: (r) => r.vhost },
];
const rows: R[] = [
  { name: 'q10', ready: 1, vhost: 'b' },
  { name: 'Q2', ready: 5, vhost: 'a' },
  { name: 'q1', ready: 5, vhost: 'b' },
];

describe('sortRows', () => {
  it('sorts text naturally and case-insensitively', () => {
    expect(sortRows(rows, columns, [{ id: 'name', desc: false }]).map((r) => r.name)).toEqual(['q1', 'Q2', 'q10']);
  });

  it('sorts numbers, descending, with ties broken by the next key', () => {
    const sorted = sortRows(rows, columns, [
      { id: 'ready', desc: true },
      { id: 'vhost', desc: false },
    ]);
    expect(sorted.map((r) => r.name)).toEqual(['Q2', 'q1', 'q10']);
  });

  it('keeps the original order without sorting, and is stable on ties', () => {
    expect(sortRows(rows, columns, [])).toBe(rows);
    expect(sortRows(rows, columns, [{ id: 'ready', desc: true }]).map((r) => r.name)).toEqual(['Q2', 'q1', 'q10']);
  });
});
