import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors.js';
import { MAX_CLIENT_MESSAGE_BYTES } from '../../../shared/api/wire.js';
import { type SocketLike, createSocketClient } from '../../../renderer/api/socket-client.js';
import type { TransportStatus } from '../../../renderer/api/types.js';

/** A socket whose other end the test plays by hand. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { id: number; method: string }[] = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string) {
    this.sent.push(JSON.parse(data) as { id: number; method: string });
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  reply(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const statuses: TransportStatus[] = [];
  const client = createSocketClient({
    url: 'ws://127.0.0.1:1/ws',
    connect: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    baseDelayMs: 100,
    maxDelayMs: 1000,
  });
  client.onStatus((s) => statuses.push(s));
  return { client, sockets, statuses, last: () => sockets.at(-1)! };
}

const info = { name: 'Warren', version: '1', transport: 'web', dataDir: '/d', platform: 'linux-x64' };

describe('the WebSocket client', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds calls until the socket opens, then sends them', async () => {
    const h = harness();
    expect(h.client.status()).toBe('connecting');
    const call = h.client.call('app.info', {});
    expect(h.last().sent).toEqual([]);
    h.last().open();
    expect(h.last().sent).toEqual([{ type: 'call', id: 1, method: 'app.info', args: {} }]);
    h.last().reply({ type: 'result', id: 1, ok: true, result: info });
    await expect(call).resolves.toEqual(info);
    expect(h.statuses).toEqual(['open']);
    h.client.close();
  });

  it('refuses to send a call larger than the host accepts, instead of waiting forever for its answer', async () => {
    const h = harness();
    h.last().open();
    const huge = { name: 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES), amqpUri: 'amqp://h' };
    await expect(h.client.call('profiles.save', huge)).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(/^Message too large/) });
    expect(h.last().sent).toEqual([]);
    h.client.close();
  });

  it('rebuilds ApiErrors from error replies', async () => {
    const h = harness();
    h.last().open();
    const call = h.client.call('profiles.remove', { id: 'x' });
    h.last().reply({ type: 'result', id: 1, ok: false, error: { code: 'not_found', message: 'No profile with id x' } });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not_found', message: 'No profile with id x' });
    h.client.close();
  });

  it('turns a result that breaks the contract into an ApiError, not a crash', async () => {
    const h = harness();
    h.last().open();
    const call = h.client.call('app.info', {});
    h.last().reply({ type: 'result', id: 1, ok: true, result: { name: 42 } });
    await expect(call).rejects.toMatchObject({ code: 'internal', message: 'The backend sent a malformed result for app.info' });
    h.client.close();
  });

  it('ignores garbage from the server and keeps working', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const h = harness();
    h.last().open();
    const call = h.client.call('app.info', {});
    h.last().reply('not json');
    h.last().reply({ type: 'surprise' });
    h.last().reply({ type: 'result', id: 999, ok: true, result: 1 });
    h.last().reply({ type: 'event', event: 'no.such.event', payload: {} });
    h.last().reply({ type: 'result', id: 1, ok: true, result: info });
    await expect(call).resolves.toEqual(info);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    h.client.close();
  });

  it('fails calls in flight when the link drops, reconnects with growing delays, and sends held calls after', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(1); // no jitter: delays are exactly base * 2^n
    const h = harness();
    h.last().open();
    const inFlight = h.client.call('profiles.list', {});
    h.last().drop();
    await expect(inFlight).rejects.toMatchObject({ code: 'not_connected' });
    expect(h.client.status()).toBe('reconnecting');

    const held = h.client.call('profiles.list', {});
    await vi.advanceTimersByTimeAsync(99);
    expect(h.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sockets).toHaveLength(2);
    h.last().drop(); // refused again: next wait doubles
    await vi.advanceTimersByTimeAsync(199);
    expect(h.sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sockets).toHaveLength(3);

    h.last().open();
    expect(h.last().sent.map((m) => m.method)).toEqual(['profiles.list']);
    h.last().reply({ type: 'result', id: h.last().sent[0]!.id, ok: true, result: [] });
    await expect(held).resolves.toEqual([]);
    expect(h.statuses).toEqual(['open', 'reconnecting', 'open']);

    h.last().drop(); // after a success the delay starts over
    await vi.advanceTimersByTimeAsync(100);
    expect(h.sockets).toHaveLength(4);
    h.client.close();
    vi.restoreAllMocks();
  });

  it('treats a socket that cannot even be constructed as a failed attempt', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let attempts = 0;
    const sockets: FakeSocket[] = [];
    const client = createSocketClient({
      url: 'ws://127.0.0.1:1/ws',
      connect: () => {
        attempts += 1;
        if (attempts === 1) throw new SyntaxError('bad URL');
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
      baseDelayMs: 100,
    });
    expect(client.status()).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(100);
    sockets[0]!.open();
    expect(client.status()).toBe('open');
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    client.close();
  });

  it('keeps event listeners across reconnects', async () => {
    vi.useFakeTimers();
    const h = harness();
    const seen: string[] = [];
    h.client.on('session.state', (s) => seen.push(s.status));
    const state = { status: 'connected', profileId: 'p', error: null, retryAt: null, lastSampleAt: 1, samplerIntervalMs: 2000, samplerPaused: false };
    h.last().open();
    h.last().reply({ type: 'event', event: 'session.state', payload: state });
    h.last().drop();
    await vi.advanceTimersByTimeAsync(1000);
    h.last().open();
    h.last().reply({ type: 'event', event: 'session.state', payload: { ...state, status: 'disconnected' } });
    expect(seen).toEqual(['connected', 'disconnected']);
    h.client.close();
  });

  it('once closed, stops reconnecting and fails every call', async () => {
    vi.useFakeTimers();
    const h = harness();
    const waiting = h.client.call('app.info', {});
    h.client.close();
    await expect(waiting).rejects.toMatchObject({ code: 'not_connected' });
    await expect(h.client.call('app.info', {})).rejects.toMatchObject({ code: 'not_connected' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.sockets).toHaveLength(1);
    expect(h.client.status()).toBe('closed');
  });
});
