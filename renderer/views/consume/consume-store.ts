import type { ConsoleClient } from '../../../shared/api/contract.js';
import type { BrowseArgs, BrowseResult } from '../../../shared/model/workbench/browse.js';
import type { ConsumeStartInput, ConsumerState, SettleArgs, SettleResult } from '../../../shared/model/workbench/consume.js';
import type { ReceivedMessage } from '../../../shared/model/workbench/message.js';
import { MessageLog } from '../../workbench/message-log.js';

/** A browse's list: what was read, how, and what reading did. */
export type BrowseInfo = Omit<BrowseResult, 'messages'> & { vhost: string; queue: string; readAt: number };

export type WorkbenchTab = { kind: 'consumer'; id: string } | { kind: 'browse'; id: string };

export type ConsumeSnapshot = {
  tabs: readonly WorkbenchTab[];
  consumers: Readonly<Record<string, ConsumerState>>;
  browses: Readonly<Record<string, BrowseInfo>>;
};

/**
 * Asked for when reading a consumer's whole list back: more than `keep`, because pending
 * manual-ack messages are never dropped and can push the list past it.
 */
const HELD_AT_MOST = 100_000;

/** How many messages a browse list keeps: as many as one browse can read. */
const BROWSE_KEEP = 10_000;

/**
 * The page's consumers and browses with their message lists. One per client,
 * outside React, so leaving the Consume view and coming back keeps every list;
 * a reloaded page asks the backend for its consumers and their lists again.
 */
export class ConsumeStore {
  private snapshot: ConsumeSnapshot = { tabs: [], consumers: {}, browses: {} };
  private readonly logs = new Map<string, MessageLog>();
  private readonly listeners = new Set<() => void>();
  private restored: Promise<void> | null = null;
  /** Consumers whose missed batches are being read back, with the batches that arrived meanwhile. */
  private readonly catchingUp = new Map<string, (readonly ReceivedMessage[])[]>();

  constructor(readonly client: ConsoleClient) {
    client.on('workbench.messages', (event) => {
      this.receive(event.consumerId, event.state.keep, event.messages);
      this.setConsumer(event.state);
    });
    client.on('workbench.consumerState', (state) => this.setConsumer(state));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConsumeSnapshot => this.snapshot;

  private set(next: Partial<ConsumeSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of [...this.listeners]) listener();
  }

  logFor(holderId: string, keep = BROWSE_KEEP): MessageLog {
    let log = this.logs.get(holderId);
    if (!log) this.logs.set(holderId, (log = new MessageLog(keep)));
    return log;
  }

  /**
   * Appends a batch, or catches up first when batches went missing: a congested page (a tab in
   * the background, a slow link) gets only the latest event of each kind, so the seqs jump. The
   * backend still holds what was skipped; batches arriving meanwhile wait and are appended after.
   */
  private receive(consumerId: string, keep: number, batch: readonly ReceivedMessage[]): void {
    const waiting = this.catchingUp.get(consumerId);
    if (waiting) {
      waiting.push(batch);
      return;
    }
    const log = this.logFor(consumerId, keep);
    const first = batch[0]?.seq;
    if (first === undefined || first <= log.lastSeq + 1) {
      log.append(batch);
      return;
    }
    const queued: (readonly ReceivedMessage[])[] = [batch];
    this.catchingUp.set(consumerId, queued);
    this.client
      .call('workbench.list', { holderId: consumerId, afterSeq: log.lastSeq, limit: keep })
      .then(({ messages }) => log.append(messages))
      .catch((error: unknown) => console.warn('catching up on missed messages failed:', error instanceof Error ? error.message : String(error)))
      .finally(() => {
        this.catchingUp.delete(consumerId);
        for (const late of queued) log.append(late);
      });
  }

  private setConsumer(state: ConsumerState): void {
    const before = this.snapshot.consumers[state.consumerId];
    if (before && before.status !== state.status && (state.status === 'stopped' || state.status === 'failed')) {
      // The broker requeued what was pending when the channel closed: nothing is awaiting an ack any more.
      const log = this.logFor(state.consumerId, state.keep);
      log.update(
        log.messages.filter((m) => m.pending).map((m) => m.seq),
        (m) => ({ ...m, pending: false }),
      );
    }
    const tabs = this.snapshot.tabs.some((t) => t.kind === 'consumer' && t.id === state.consumerId)
      ? this.snapshot.tabs
      : [...this.snapshot.tabs, { kind: 'consumer' as const, id: state.consumerId }];
    this.set({ consumers: { ...this.snapshot.consumers, [state.consumerId]: state }, tabs });
  }

  /** After a page reload: the backend's consumers and the messages each still holds. */
  restore(): Promise<void> {
    this.restored ??= (async () => {
      const { consumers } = await this.client.call('workbench.consumers', {});
      for (const state of consumers) {
        this.setConsumer(state);
        const { messages } = await this.client.call('workbench.list', { holderId: state.consumerId, limit: HELD_AT_MOST });
        this.logFor(state.consumerId, state.keep).append(messages);
      }
    })().catch((error: unknown) => {
      this.restored = null;
      throw error;
    });
    return this.restored;
  }

  async start(args: ConsumeStartInput): Promise<ConsumerState> {
    this.logFor(args.consumerId, args.keep ?? 10_000);
    try {
      const state = await this.client.call('workbench.consumeStart', args);
      this.setConsumer(state);
      return state;
    } catch (error) {
      this.logs.delete(args.consumerId);
      throw error;
    }
  }

  async stop(consumerId: string): Promise<void> {
    this.setConsumer(await this.client.call('workbench.consumeStop', { consumerId }));
  }

  async pause(consumerId: string, paused: boolean): Promise<void> {
    this.setConsumer(await this.client.call('workbench.consumePause', { consumerId, paused }));
  }

  /** Forgets a stopped consumer and its list. */
  async clear(consumerId: string): Promise<void> {
    await this.client.call('workbench.consumeClear', { consumerId });
    this.forget({ kind: 'consumer', id: consumerId });
  }

  async settle(args: SettleArgs): Promise<SettleResult> {
    const result = await this.client.call('workbench.settle', args);
    this.logFor(args.consumerId).update(result.settled, (m) => ({ ...m, pending: false }));
    this.setConsumer(result.state);
    return result;
  }

  /**
   * After the backend settled messages itself (a move acks each original once its copy is
   * confirmed, a send-back acks the dead-letter copy): the consumer's counts and which of
   * its messages still wait for an ack, as the backend has them now.
   */
  async refresh(consumerId: string): Promise<void> {
    const [{ consumers }, { messages }] = await Promise.all([
      this.client.call('workbench.consumers', {}),
      this.client.call('workbench.list', { holderId: consumerId, limit: HELD_AT_MOST }),
    ]);
    const pending = new Map(messages.map((m) => [m.seq, m.pending]));
    const log = this.logFor(consumerId);
    log.update(
      log.messages.filter((m) => m.pending && pending.get(m.seq) !== true).map((m) => m.seq),
      (m) => ({ ...m, pending: false }),
    );
    const state = consumers.find((c) => c.consumerId === consumerId);
    if (state) this.setConsumer(state);
  }

  /** Reads a queue into a browse tab of its own (or anew into the one named). */
  async browse(args: BrowseArgs): Promise<BrowseInfo> {
    const result = await this.client.call('workbench.browse', args);
    const { messages, ...rest } = result;
    const info: BrowseInfo = { ...rest, vhost: args.vhost, queue: args.queue, readAt: Date.now() };
    const log = this.logFor(args.browseId);
    log.clear();
    log.append(messages);
    const tabs = this.snapshot.tabs.some((t) => t.kind === 'browse' && t.id === args.browseId) ? this.snapshot.tabs : [...this.snapshot.tabs, { kind: 'browse' as const, id: args.browseId }];
    this.set({ browses: { ...this.snapshot.browses, [args.browseId]: info }, tabs });
    return info;
  }

  /** Closes a tab: a browse's list, or a cleared consumer's. */
  forget(tab: WorkbenchTab): void {
    this.logs.delete(tab.id);
    const consumers = { ...this.snapshot.consumers };
    const browses = { ...this.snapshot.browses };
    if (tab.kind === 'consumer') delete consumers[tab.id];
    else delete browses[tab.id];
    this.set({ tabs: this.snapshot.tabs.filter((t) => t.id !== tab.id), consumers, browses });
  }
}

const stores = new WeakMap<ConsoleClient, ConsumeStore>();

export function consumeStoreFor(client: ConsoleClient): ConsumeStore {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = new ConsumeStore(client)));
  return store;
}
