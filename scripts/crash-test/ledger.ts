// What the broker owes: every id the crash test published, and whether its
// confirm arrived, whether a consumer acked it, and whether it came back
// unroutable. A message is owed once confirmed, until acked; an owed message
// missing after a restart is a loss. One byte of flags per id.

const PUBLISHED = 1;
const CONFIRMED = 2;
const ACKED = 4;
const RETURNED = 8;

export type IdState = 'unknown' | 'unconfirmed' | 'owed' | 'acked' | 'returned';

export class CrashLedger {
  private flags = new Uint8Array(4096);
  private issued = 0;
  confirmedCount = 0;
  ackedCount = 0;
  returnedCount = 0;

  get publishedCount(): number {
    return this.issued;
  }

  /** A new id, marked published. */
  publish(): number {
    if (this.issued === this.flags.length) {
      const grown = new Uint8Array(this.flags.length * 2);
      grown.set(this.flags);
      this.flags = grown;
    }
    this.flags[this.issued] = PUBLISHED;
    return this.issued++;
  }

  confirmed(id: number): void {
    if (this.mark(id, CONFIRMED)) this.confirmedCount++;
  }

  /** A consumer sent basic.ack for it (the ack may still be lost in a crash, so it may come back). */
  acked(id: number): void {
    if (this.mark(id, ACKED)) this.ackedCount++;
  }

  /** Returned as unroutable (mandatory): the binding was missing. */
  returned(id: number): void {
    if (this.mark(id, RETURNED)) this.returnedCount++;
  }

  private mark(id: number, flag: number): boolean {
    if (!this.isKnown(id) || (this.flags[id]! & flag) !== 0) return false;
    this.flags[id]! |= flag;
    return true;
  }

  isKnown(id: number): boolean {
    return Number.isInteger(id) && id >= 0 && id < this.issued;
  }

  state(id: number): IdState {
    if (!this.isKnown(id)) return 'unknown';
    const f = this.flags[id]!;
    if (f & RETURNED) return 'returned';
    if (f & ACKED) return 'acked';
    if (f & CONFIRMED) return 'owed';
    return 'unconfirmed';
  }

  /** Ids confirmed and neither acked nor returned: each must be in the queue after a restart. */
  owedIds(): number[] {
    const out: number[] = [];
    for (let id = 0; id < this.issued; id++) if (this.state(id) === 'owed') out.push(id);
    return out;
  }
}
