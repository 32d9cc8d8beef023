import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createManagementClient } from '../../../electron/backend/management/management-client.js';

/**
 * A listing that shrinks while it is paged, answering as RabbitMQ 3.10 does:
 * a page past the end is 400 {"error":"page_out_of_range",...}.
 */
async function shrinkingListServer(options: { total: number; afterFirstPage: number }) {
  let served = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = Number(url.searchParams.get('page'));
    const size = Number(url.searchParams.get('page_size'));
    const length = served++ === 0 ? options.total : options.afterFirstPage;
    const pageCount = Math.ceil(length / size);
    if (page > pageCount) {
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: 'page_out_of_range', reason: `Page out of range, page: ${page} page size: ${size}, len: ${length}` }));
    }
    const items = Array.from({ length: Math.min(size, length - (page - 1) * size) }, (_, i) => ({ name: `q${(page - 1) * size + i}` }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ filtered_count: length, item_count: items.length, items, page, page_count: pageCount, page_size: size, total_count: length }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('paged listings', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('reads a list that shrinks while it is paged up to its new end', async () => {
    const server = await shrinkingListServer({ total: 2400, afterFirstPage: 1200 });
    close = server.close;
    const client = createManagementClient({ baseUrl: server.url, username: 'guest', password: 'guest', tls: { rejectUnauthorized: true }, timeoutMs: 5000 });
    const rows = await client.items('api/queues', { paginate: true });
    expect(rows.length).toBeGreaterThanOrEqual(1000);
    expect(rows.length).toBeLessThanOrEqual(1500);
  });

  it('still fails on other 400 answers', async () => {
    const server = http.createServer((_req, res) => res.writeHead(400).end('{"error":"bad_request","reason":"columns"}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    close = () => new Promise<void>((r) => server.close(() => r()));
    const { port } = server.address() as net.AddressInfo;
    const client = createManagementClient({ baseUrl: `http://127.0.0.1:${port}`, username: 'guest', password: 'guest', tls: { rejectUnauthorized: true }, timeoutMs: 5000 });
    await expect(client.items('api/queues', { paginate: true })).rejects.toThrow(/400/);
  });
});
