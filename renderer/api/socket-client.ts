import { type MethodName, isEventName, isMethodName } from '../../shared/api/contract.js';
import { ApiError } from '../../shared/api/errors.js';
import { MAX_CLIENT_MESSAGE_BYTES, ServerMessage } from '../../shared/api/wire.js';
import { checkedResult, createEventRouter, errorFromBody } from './checked.js';
import type { TransportStatus, WarrenClient } from './types.js';

/** The slice of the browser WebSocket this client uses; tests pass the `ws` package's. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface SocketClientOptions {
  url: string;
  connect?: (url: string) => SocketLike;
  /** First reconnect delay; doubles per failed attempt up to maxDelayMs, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

interface Pending {
  method: MethodName;
  resolve(value: unknown): void;
  reject(error: ApiError): void;
}

const OPEN = 1;

/**
 * The web-mode transport. The session cookie set when the page loaded
 * authenticates the socket, so the URL carries no secret. Calls made while
 * the link is down wait for it; calls in flight when it drops fail, because
 * whether the backend ran them is unknown. Events need no subscription
 * message: the host pushes every event to every socket, so listeners simply
 * survive reconnects.
 */
export function createSocketClient(options: SocketClientOptions): WarrenClient {
  const connect = options.connect ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const base = options.baseDelayMs ?? 250;
  const max = options.maxDelayMs ?? 5000;
  const router = createEventRouter();
  const pending = new Map<number, Pending>();
  const queued: { id: number; data: string }[] = [];
  const statusListeners = new Set<(status: TransportStatus) => void>();
  let status: TransportStatus = 'connecting';
  let socket: SocketLike | null = null;
  let attempt = 0;
  let nextId = 1;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const setStatus = (next: TransportStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  };

  function retryLater() {
    setStatus('reconnecting');
    const delay = Math.min(max, base * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt += 1;
    retryTimer = setTimeout(open, delay);
  }

  function open() {
    retryTimer = null;
    let ws: SocketLike;
    try {
      ws = connect(options.url);
    } catch (err) {
      // The constructor throws on a URL or policy it refuses; that is one more failed attempt.
      console.warn('Warren: could not open the WebSocket', err);
      retryLater();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus('open');
      for (const item of queued.splice(0)) {
        if (pending.has(item.id)) ws.send(item.data);
      }
    };
    ws.onmessage = (event) => receive(event.data);
    ws.onerror = () => undefined; // onclose follows and decides what to do.
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failInFlight();
      if (status !== 'closed') retryLater();
    };
  }

  function failInFlight() {
    const waiting = new Set(queued.map((item) => item.id));
    for (const [id, call] of pending) {
      if (waiting.has(id)) continue;
      pending.delete(id);
      call.reject(new ApiError('not_connected', `Lost the connection to the Warren backend during ${call.method}; it may or may not have run`));
    }
  }

  function receive(data: unknown) {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      console.warn('Warren: ignored a message that is not JSON');
      return;
    }
    const message = ServerMessage.safeParse(json);
    if (!message.success) {
      console.warn('Warren: ignored a malformed message from the backend');
      return;
    }
    const msg = message.data;
    if (msg.type === 'event') {
      if (isEventName(msg.event)) router.emit(msg.event, msg.payload);
      return;
    }
    const call = msg.id === null ? undefined : pending.get(msg.id);
    if (!call) {
      if (!msg.ok) console.warn(`Warren: the backend rejected a message: ${msg.error.message}`);
      return;
    }
    pending.delete(msg.id as number);
    if (!msg.ok) {
      call.reject(errorFromBody(msg.error));
      return;
    }
    try {
      call.resolve(checkedResult(call.method, msg.result));
    } catch (err) {
      call.reject(err as ApiError);
    }
  }

  open();

  return {
    transport: 'web',
    call(method, args) {
      if (status === 'closed') return Promise.reject(new ApiError('not_connected', 'The console client is closed'));
      if (!isMethodName(method)) return Promise.reject(new ApiError('unknown_method', `Unknown method: ${String(method)}`));
      const id = nextId++;
      const data = JSON.stringify({ type: 'call', id, method, args: args ?? {} });
      // The host would answer an oversize message without its id, leaving this call waiting forever.
      const bytes = new TextEncoder().encode(data).length;
      if (bytes > MAX_CLIENT_MESSAGE_BYTES) {
        return Promise.reject(new ApiError('bad_request', `Message too large (${bytes} bytes; at most ${MAX_CLIENT_MESSAGE_BYTES})`));
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject });
        if (socket && socket.readyState === OPEN) socket.send(data);
        else queued.push({ id, data });
      });
    },
    on(event, listener) {
      if (!isEventName(event)) throw new ApiError('bad_request', `Unknown event: ${String(event)}`);
      return router.add(event, listener);
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      if (status === 'closed') return;
      setStatus('closed');
      if (retryTimer) clearTimeout(retryTimer);
      queued.length = 0;
      for (const call of pending.values()) call.reject(new ApiError('not_connected', 'The console client is closed'));
      pending.clear();
      socket?.close(1000, 'client closed');
      socket = null;
    },
  };
}
