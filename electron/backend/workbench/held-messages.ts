import type { ReceivedMessage } from '../../../shared/model/workbench/message.js';

/** A message the backend keeps for a consumer, browse or RPC call: what the page shows, plus what only the backend needs. */
export interface HeldMessage {
  message: ReceivedMessage;
  /** The whole body, for messageBody, dumps, copies and moves; null once dropped to stay within the backend's memory budget. */
  body: Buffer | null;
  /** amqplib's delivery fields and properties as they arrived: copies are republished from them, so nothing is lost in translation. */
  raw: { fields: Record<string, unknown>; properties: Record<string, unknown> };
}

export interface Holder {
  readonly id: string;
  /** 'consumer' holders may hold messages unacked; only those can be moved, acked or nacked. */
  readonly kind: 'consumer' | 'browse' | 'rpc';
  /** The vhost the messages came from: copies and moves publish into it. */
  readonly vhost: string;
  get(seq: number): HeldMessage | undefined;
  /** Oldest first. */
  list(afterSeq?: number, limit?: number): HeldMessage[];
}

/**
 * Every holder of the current session by id: workbench.messageBody, dump and transfer find
 * messages here whichever kind of holder keeps them.
 */
export interface HeldMessages {
  register(holder: Holder): void;
  unregister(id: string): void;
  get(id: string): Holder | undefined;
  all(): Holder[];
}

export function createHeldMessages(): HeldMessages {
  const holders = new Map<string, Holder>();
  return {
    register: (holder) => void holders.set(holder.id, holder),
    unregister: (id) => void holders.delete(id),
    get: (id) => holders.get(id),
    all: () => [...holders.values()],
  };
}
