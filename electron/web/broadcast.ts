import type { EventName } from '../../shared/api/contract.js';
import type { ServerMessage } from '../../shared/api/wire.js';
import type { Logger } from '../backend/logger.js';

/** The part of a ws socket the broadcaster needs; tests pass a fake. */
export interface EventSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string): void;
}

const OPEN = 1;

export interface BroadcastOptions {
  log: Logger;
  /** A full `inventory.delta` built from a fresh snapshot, or null when there is nothing to resync. */
  resync: () => Promise<ServerMessage | null>;
  /** Above this many queued bytes a socket is congested (a tab in the background, a slow link). */
  highWaterBytes?: number;
  /** A congested socket recovers once its queue drains below this. */
  lowWaterBytes?: number;
  recheckMs?: number;
}

interface Peer {
  congested: boolean;
  /** Deltas were dropped: the page's inventory is stale until a full resync. */
  missedDeltas: boolean;
  /** Latest-wins events held back while congested (e.g. session.state). */
  held: Map<string, string>;
  /** Deltas published while the resync snapshot is being taken, sent after it if newer. */
  resyncing: { seq: number; data: string }[] | null;
}

const seqOf = (payload: unknown): number =>
  typeof payload === 'object' && payload !== null && typeof (payload as { seq?: unknown }).seq === 'number' ? (payload as { seq: number }).seq : -1;

/**
 * Pushes backend events to every connected page without letting one slow page
 * grow memory without bound. While a socket is congested, inventory deltas for
 * it are dropped and other events keep only their latest value. When it drains,
 * it gets the held events and then one full inventory delta built from a
 * snapshot, so it converges on the same state as everyone else.
 */
export function createBroadcaster(options: BroadcastOptions) {
  const high = options.highWaterBytes ?? 8 * 1024 * 1024;
  const low = options.lowWaterBytes ?? 1024 * 1024;
  const peers = new Map<EventSocket, Peer>();
  let timer: NodeJS.Timeout | null = null;

  const send = (socket: EventSocket, data: string) => {
    if (socket.readyState === OPEN) socket.send(data);
  };

  async function recover(socket: EventSocket, peer: Peer) {
    peer.congested = false;
    for (const data of peer.held.values()) send(socket, data);
    peer.held.clear();
    if (!peer.missedDeltas) return;
    peer.missedDeltas = false;
    peer.resyncing = [];
    let fullSeq = -1;
    try {
      const full = await options.resync();
      if (full) {
        fullSeq = full.type === 'event' ? seqOf(full.payload) : -1;
        send(socket, JSON.stringify(full));
      }
    } catch (err) {
      options.log.warn('resync after congestion failed', { error: err instanceof Error ? err.message : String(err) });
    }
    for (const delta of peer.resyncing) if (delta.seq > fullSeq) send(socket, delta.data);
    peer.resyncing = null;
  }

  function recheck() {
    let stillCongested = false;
    for (const [socket, peer] of peers) {
      if (!peer.congested) continue;
      if (socket.bufferedAmount < low) void recover(socket, peer);
      else stillCongested = true;
    }
    if (!stillCongested && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  function markCongested(peer: Peer) {
    if (!peer.congested) options.log.warn('socket congested; holding events until it drains');
    peer.congested = true;
    timer ??= setInterval(recheck, options.recheckMs ?? 250);
    timer.unref();
  }

  return {
    add(socket: EventSocket) {
      peers.set(socket, { congested: false, missedDeltas: false, held: new Map(), resyncing: null });
    },
    remove(socket: EventSocket) {
      peers.delete(socket);
    },
    publish(event: EventName, payload: unknown) {
      const message: ServerMessage = { type: 'event', event, payload };
      const data = JSON.stringify(message);
      for (const [socket, peer] of peers) {
        if (!peer.congested && socket.bufferedAmount > high) markCongested(peer);
        if (peer.resyncing && event === 'inventory.delta') peer.resyncing.push({ seq: seqOf(payload), data });
        else if (!peer.congested) send(socket, data);
        else if (event === 'inventory.delta') peer.missedDeltas = true;
        else peer.held.set(event, data);
      }
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
      peers.clear();
    },
  };
}
