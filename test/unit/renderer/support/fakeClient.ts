import type { ArgsOf, ConsoleClient, EventName, EventPayload, MethodName, ResultOf } from '../../../../shared/api/contract.js';
import { emptyInventory, rowKey, type Inventory, type QueueRow } from '../../../../shared/model/inventory.js';
import type { Profile } from '../../../../shared/model/profile.js';
import type { SessionState } from '../../../../shared/model/session.js';

type Handler<M extends MethodName> = (args: ArgsOf<M>) => Promise<ResultOf<M>> | ResultOf<M>;
type Handlers = { [M in MethodName]?: Handler<M> };

/** An in-memory ConsoleClient: tests choose the answers and push events by hand. */
export class FakeClient implements ConsoleClient {
  readonly calls: { method: MethodName; args: unknown }[] = [];
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  constructor(private readonly handlers: Handlers = {}) {}

  handle<M extends MethodName>(method: M, handler: Handler<M>): void {
    (this.handlers as Record<string, unknown>)[method] = handler;
  }

  async call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    this.calls.push({ method, args });
    const handler = this.handlers[method] as Handler<M> | undefined;
    if (!handler) throw new Error(`FakeClient: no handler for ${method}`);
    return handler(args);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  }

  callsOf(method: MethodName): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}

export function session(overrides: Partial<SessionState> = {}): SessionState {
  return {
    status: 'connected',
    profileId: 'p1',
    error: null,
    retryAt: null,
    lastSampleAt: Date.now(),
    samplerIntervalMs: 2000,
    samplerPaused: false,
    ...overrides,
  };
}

export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'p1',
    name: 'Local RabbitMQ',
    amqpUri: 'amqp://localhost:5672',
    managementUrl: '',
    effectiveManagementUrl: 'http://localhost:15672',
    username: 'guest',
    hasPassword: true,
    tls: { skipVerify: false },
    builtIn: false,
    createdAt: '2026-11-22T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}

export function queue(name: string, overrides: Partial<QueueRow> = {}): QueueRow {
  const vhost = overrides.vhost ?? '/';
  return {
    key: rowKey(vhost, name),
    vhost,
    name,
    type: 'classic',
    state: 'running',
    durable: true,
    autoDelete: false,
    exclusive: false,
    ready: 0,
    unacked: 0,
    total: 0,
    consumers: 0,
    publishRate: null,
    deliverRate: null,
    policy: null,
    arguments: {},
    badges: ['D'],
    ...overrides,
  };
}

export function inventory(overrides: Partial<Inventory> = {}): Inventory {
  return { ...emptyInventory(), ...overrides };
}

/** A client that answers the store's first load: one profile, connected, with this inventory. */
export function connectedClient(inv: Inventory, state: SessionState = session(), profiles: Profile[] = [profile()]): FakeClient {
  return new FakeClient({
    'profiles.list': () => profiles,
    'session.state': () => state,
    'inventory.snapshot': () => ({ seq: 1, inventory: inv }),
    'sampler.configure': () => state,
    'session.retry': () => ({ ...state, status: 'connecting' }),
    'session.connect': () => state,
  });
}
