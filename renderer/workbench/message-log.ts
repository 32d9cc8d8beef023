import type { ReceivedMessage } from '../../shared/model/workbench/message.js';
import { indexOfSeq } from './message-selection.js';

type Test = (message: ReceivedMessage) => boolean;
const everything: Test = () => true;

/**
 * The messages a consumer's or browse's list shows, bounded like the backend's:
 * beyond `keep`, the oldest are dropped and counted, except a manual-ack
 * delivery still pending (it must stay reachable to be acked). The filtered
 * view is kept incrementally: a batch tests only its own messages, so 20,000
 * deliveries a second cost the page one pass over each new message, no more.
 * Arrays are replaced, never mutated, so a row whose message did not change
 * keeps its object and does not re-render.
 */
export class MessageLog {
  private all: readonly ReceivedMessage[] = [];
  private shown: readonly ReceivedMessage[] = [];
  private readonly bySeq = new Map<number, ReceivedMessage>();
  private test: Test = everything;
  private filtering = false;
  private readonly listeners = new Set<() => void>();
  /** Dropped here because the list holds `keep` messages. */
  dropped = 0;
  version = 0;

  constructor(readonly keep: number) {}

  /** Every held message, oldest first. */
  get messages(): readonly ReceivedMessage[] {
    return this.all;
  }

  /** The held messages the filter lets through, oldest first. */
  get visible(): readonly ReceivedMessage[] {
    return this.filtering ? this.shown : this.all;
  }

  /** The newest held message's seq, 0 when none is held. */
  get lastSeq(): number {
    return this.all.at(-1)?.seq ?? 0;
  }

  get(seq: number): ReceivedMessage | undefined {
    return this.bySeq.get(seq);
  }

  has = (seq: number): boolean => this.bySeq.has(seq);

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  /** Adds a batch (seqs already held are skipped, so a reload's list and live events can overlap); returns the seqs dropped. */
  append(batch: readonly ReceivedMessage[]): number[] {
    const lastSeq = this.lastSeq;
    const fresh = batch.filter((m) => m.seq > lastSeq && !this.bySeq.has(m.seq));
    if (fresh.length === 0) return [];
    for (const m of fresh) this.bySeq.set(m.seq, m);
    let all = this.all.concat(fresh);
    const matched = this.filtering ? fresh.filter(this.test) : [];
    let shown = matched.length > 0 ? this.shown.concat(matched) : this.shown;
    const dropped = this.trim(all);
    if (dropped.length > 0) {
      const gone = new Set(dropped);
      // Usually the dropped are the oldest run; only pending messages among them make it a filter.
      const prefix = all[dropped.length - 1]?.seq === dropped.at(-1);
      all = prefix ? all.slice(dropped.length) : all.filter((m) => !gone.has(m.seq));
      if (this.filtering) shown = shown.filter((m) => !gone.has(m.seq));
      for (const seq of dropped) this.bySeq.delete(seq);
      this.dropped += dropped.length;
    }
    this.all = all;
    this.shown = shown;
    this.changed();
    return dropped;
  }

  /** The oldest non-pending seqs beyond `keep`. */
  private trim(all: readonly ReceivedMessage[]): number[] {
    let over = all.length - this.keep;
    const dropped: number[] = [];
    for (let i = 0; over > 0 && i < all.length; i++) {
      const m = all[i] as ReceivedMessage;
      if (m.pending) continue;
      dropped.push(m.seq);
      over -= 1;
    }
    return dropped;
  }

  /** Replaces the messages named by `seqs` with `change(message)`: settling, for instance, clears `pending`. */
  update(seqs: Iterable<number>, change: (message: ReceivedMessage) => ReceivedMessage): void {
    const all = [...this.all];
    const shown = this.filtering ? [...this.shown] : null;
    let touched = false;
    for (const seq of seqs) {
      const before = this.bySeq.get(seq);
      if (before === undefined) continue;
      const after = change(before);
      if (after === before) continue;
      touched = true;
      this.bySeq.set(seq, after);
      all[indexOfSeq(all, seq)] = after;
      if (shown !== null) {
        const at = indexOfSeq(shown, seq);
        if (at >= 0) shown[at] = after;
      }
    }
    if (!touched) return;
    this.all = all;
    if (shown !== null) this.shown = shown;
    this.changed();
  }

  /** A new filter goes over what is held once; later batches are tested as they come. */
  setFilter(test: Test | null): void {
    this.filtering = test !== null;
    this.test = test ?? everything;
    this.shown = test === null ? [] : this.all.filter(test);
    this.changed();
  }

  clear(): void {
    this.all = [];
    this.shown = [];
    this.bySeq.clear();
    this.dropped = 0;
    this.changed();
  }
}
