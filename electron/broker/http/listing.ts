// The list query parameters of rabbit_mgmt_util: sort/sort_reverse (dotted
// paths), name/use_regex filtering and page/page_size/pagination (filtering
// applies to paged requests only, as in RabbitMQ), columns (dotted paths,
// comma separated) to trim each row.
import { HttpError } from './errors.js';

export type Row = Record<string, unknown>;

function at(row: unknown, path: readonly string[]): unknown {
  let cur = row;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Row)[p];
  }
  return cur;
}

/** columns=a,b.c: keeps those paths (and the objects leading to them). */
export function pickColumns(row: Row, columns: string | null): Row {
  if (columns === null || columns === '') return row;
  const out: Row = {};
  for (const col of columns.split(',')) {
    const path = col.split('.');
    const v = at(row, path);
    if (v === undefined) continue;
    let target = out;
    for (const p of path.slice(0, -1)) {
      const next = target[p];
      if (next === undefined || next === null || typeof next !== 'object') target[p] = {};
      target = target[p] as Row;
    }
    target[path.at(-1)!] = v;
  }
  return out;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : 1;
  return String(a) < String(b) ? -1 : 1;
}

export interface Page {
  filtered_count: number;
  item_count: number;
  items: Row[];
  page: number;
  page_count: number;
  page_size: number;
  total_count: number;
}

function positiveInt(v: string | null): number | undefined {
  if (v === null) return undefined;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

/** Sorted (default: by name, as RabbitMQ's default sort for lists with names), filtered and paged rows. */
export function listing(rows: Row[], query: URLSearchParams, defaultSort: readonly string[] = ['vhost', 'name']): Row[] | Page {
  const sortParam = query.get('sort');
  const sortPath = sortParam ? [sortParam.split('.')] : defaultSort.map((k) => [k]);
  const sorted = [...rows].sort((x, y) => {
    for (const p of sortPath) {
      const c = compare(at(x, p), at(y, p));
      if (c !== 0) return c;
    }
    return 0;
  });
  if (query.get('sort_reverse') === 'true') sorted.reverse();
  const columns = query.get('columns');
  const pageParam = query.get('page');
  if (pageParam === null) return sorted.map((r) => pickColumns(r, columns));
  const page = positiveInt(pageParam)!;
  const sizeParam = query.get('page_size');
  const size = sizeParam === null ? 100 : positiveInt(sizeParam)!;
  if (!(page >= 1) || !(size >= 1) || size > 500) {
    throw new HttpError(400, 'invalid_pagination_parameters',
      `Invalid pagination parameters: page number ${pageParam}, page size ${sizeParam ?? 'undefined'}`);
  }
  const nameFilter = query.get('name');
  let filtered = sorted;
  if (nameFilter !== null && nameFilter !== '') {
    let test: (s: string) => boolean;
    if (query.get('use_regex') === 'true') {
      let re: RegExp;
      try {
        re = new RegExp(nameFilter);
      } catch {
        re = /(?!)/;
      }
      test = (s) => re.test(s);
    } else {
      test = (s) => s.includes(nameFilter);
    }
    filtered = sorted.filter((r) => typeof r.name === 'string' && test(r.name));
  }
  const pageCount = Math.ceil(filtered.length / size);
  if (page > Math.max(1, pageCount)) {
    throw new HttpError(400, 'page_out_of_range', `Page out of range, page: ${page} page size: ${size}, len: ${filtered.length}`);
  }
  const items = filtered.slice((page - 1) * size, page * size).map((r) => pickColumns(r, columns));
  return {
    filtered_count: filtered.length,
    item_count: items.length,
    items,
    page,
    page_count: pageCount,
    page_size: size,
    total_count: rows.length,
  };
}
