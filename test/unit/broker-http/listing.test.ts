import { describe, expect, it } from 'vitest';
import { listing, pickColumns } from '../../../electron/broker/http/listing.js';
import { bindingPropertiesKey } from '../../../electron/broker/http/properties-key.js';
import { Sampler } from '../../../electron/broker/stats/samples.js';
import { HttpError } from '../../../electron/broker/http/errors.js';

const q = (s: string) => new URLSearchParams(s);

describe('list query parameters (rabbit_mgmt_util)', () => {
  const rows = [
    { name: 'b', vhost: '/', messages: 2, message_stats: { publish_details: { rate: 1.5 } } },
    { name: 'a', vhost: '/', messages: 7 },
    { name: 'c', vhost: 'other', messages: 1 },
  ];

  it('columns keep dotted paths and drop what is absent', () => {
    expect(pickColumns(rows[0]!, 'name,message_stats.publish_details.rate,nope')).toEqual({ name: 'b', message_stats: { publish_details: { rate: 1.5 } } });
    expect(pickColumns(rows[1]!, 'name,message_stats.publish_details.rate')).toEqual({ name: 'a' });
  });

  it('sorts by vhost then name by default, by any dotted field on request, reversed with sort_reverse', () => {
    expect((listing(rows, q('')) as { name: string }[]).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect((listing(rows, q('sort=messages&sort_reverse=true')) as { name: string }[]).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect((listing(rows, q('sort=messages')) as { name: string }[]).map((r) => r.name)).toEqual(['c', 'b', 'a']);
  });

  it('pages with RabbitMQ\'s page object; name filters (substring or regex) apply to paged requests', () => {
    expect(listing(rows, q('page=2&page_size=2&columns=name'))).toEqual({
      filtered_count: 3, item_count: 1, items: [{ name: 'c' }], page: 2, page_count: 2, page_size: 2, total_count: 3,
    });
    expect(listing(rows, q('page=1&name=^[ab]$&use_regex=true&columns=name'))).toMatchObject({ filtered_count: 2, items: [{ name: 'a' }, { name: 'b' }] });
    expect(listing(rows, q('page=1&name=c&columns=name'))).toMatchObject({ filtered_count: 1, items: [{ name: 'c' }] });
    expect(listing(rows, q('name=zzz'))).toHaveLength(3);
  });

  it('refuses bad pages with RabbitMQ\'s errors', () => {
    const err = (s: string) => {
      try {
        listing(rows, q(s));
      } catch (e) {
        return (e as HttpError).body();
      }
      return null;
    };
    expect(err('page=3&page_size=2')).toEqual({ error: 'page_out_of_range', reason: 'Page out of range, page: 3 page size: 2, len: 3' });
    expect(err('page=0')).toEqual({ error: 'invalid_pagination_parameters', reason: 'Invalid pagination parameters: page number 0, page size undefined' });
    expect(err('page=1&page_size=501')).toEqual({ error: 'invalid_pagination_parameters', reason: 'Invalid pagination parameters: page number 1, page size 501' });
    expect(listing([], q('page=1'))).toMatchObject({ items: [], page_count: 0 });
  });
});

describe('binding properties keys (rabbit_mgmt_format:pack_binding_props)', () => {
  it('form-encodes the routing key, "~" for an empty key, a hash suffix for arguments', () => {
    expect(bindingPropertiesKey('', {})).toBe('~');
    expect(bindingPropertiesKey('k.#', {})).toBe('k.%23');
    expect(bindingPropertiesKey('a b~c/d', {})).toBe('a+b%7Ec%2Fd');
    const withArgs = bindingPropertiesKey('k', { 'x-match': { type: 'S', value: 'any' } });
    expect(withArgs).toMatch(/^k~[A-Za-z0-9_-]+$/);
    expect(bindingPropertiesKey('k', { 'x-match': { type: 'S', value: 'all' } })).not.toBe(withArgs);
  });
});

describe('sampled rates and sample series (rabbit_mgmt_stats)', () => {
  it('rate is the change over the last interval; ranges give samples, avg and avg_rate', () => {
    const owner = {};
    let value = 0;
    const sampler = new Sampler(() => [[owner, { messages: value }]], 5000);
    const t0 = 1_795_342_680_000;
    for (let i = 0; i <= 12; i++) {
      value = i >= 11 ? 120 : 0;
      sampler.sample(t0 + i * 5000 + 123);
    }
    expect(sampler.details(owner, 'messages')).toEqual({ rate: 0 });
    const d = sampler.details(owner, 'messages', { ageMs: 60_000, incrMs: 5000 });
    expect(d.samples).toHaveLength(13);
    expect(d.samples![0]).toEqual({ sample: 120, timestamp: t0 + 60_000 });
    expect(d.avg).toBeCloseTo(240 / 13);
    expect(d.avg_rate).toBe(2);
    value = 180;
    sampler.sample(t0 + 65_000);
    expect(sampler.details(owner, 'messages').rate).toBe(12);
    expect(sampler.details({}, 'messages')).toEqual({ rate: 0 });
  });
});

describe('JSON and AMQP tables', () => {
  it('a "__proto__" key stays an ordinary key both ways', async () => {
    const { jsonToFieldTable, fieldTableToJson } = await import('../../../electron/broker/http/json-table.js');
    const table = jsonToFieldTable(JSON.parse('{"__proto__": {"x": 1}, "n": 2, "f": 1.5, "s": "t", "b": true, "a": [null]}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
    expect(Object.keys(table)).toEqual(['__proto__', 'n', 'f', 's', 'b', 'a']);
    expect(table.n).toEqual({ type: 'l', value: 2 });
    expect(table.f).toEqual({ type: 'd', value: 1.5 });
    expect(JSON.stringify(fieldTableToJson(table))).toBe('{"__proto__":{"x":1},"n":2,"f":1.5,"s":"t","b":true,"a":[null]}');
  });
});

describe('vhost traffic totals', () => {
  it('keep the bytes of closed connections, so they never go down', async () => {
    const { VhostTraffic } = await import('../../../electron/broker/stats/traffic.js');
    const conn = (vhost: string | undefined, recvOct: number, sendOct: number) => ({ info: () => ({ vhost, recvOct, sendOct }) });
    const a = conn('v', 100, 10);
    const b = conn('v', 50, 5);
    const early = conn(undefined, 8, 0);
    const traffic = new VhostTraffic();
    const exists = (v: string) => v === 'v';
    expect(traffic.totals(new Set([a, b, early]), exists).get('v')).toEqual({ recv: 150, send: 15 });
    expect(traffic.totals(new Set([b]), exists).get('v')).toEqual({ recv: 150, send: 15 });
    expect(traffic.totals(new Set(), exists).get('v')).toEqual({ recv: 150, send: 15 });
    traffic.forget('v');
    expect(traffic.totals(new Set(), exists).get('v')).toBeUndefined();
  });
});
