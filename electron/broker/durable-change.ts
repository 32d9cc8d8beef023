// What a vhost tells the store after a durable exchange, queue or binding
// changed (electron/broker/store appends it to the definitions log before the
// client's -ok is sent). Only the entity that changed travels, so recording a
// change costs the same with ten definitions or ten thousand.
import type { RoutingBinding } from '../../shared/routing/index.js';
import type { Queue } from './queue.js';
import type { Exchange } from './vhost.js';

export type DurableChange =
  | { kind: 'exchange.declared'; vhost: string; exchange: Exchange }
  /** Its bindings (as source or destination) go with it. */
  | { kind: 'exchange.deleted'; vhost: string; name: string }
  | { kind: 'queue.declared'; queue: Queue }
  /** Its bindings go with it. */
  | { kind: 'queue.deleted'; vhost: string; name: string }
  | { kind: 'bound' | 'unbound'; vhost: string; binding: RoutingBinding };
