// The verdict on one recovery: the queue's contents after a restart against
// the ledger. Losing an owed (confirmed, not acked) message is the failure the
// crash test exists to catch; a corrupt or foreign body is one too. An acked
// message may come back (its ack was written but not fsynced, as RabbitMQ may
// redeliver), and so may an unconfirmed one: both are counted, not failures.
import type { CrashLedger } from './ledger.js';
import type { BodyCheck } from './payload.js';

export interface RecoveryCheck {
  /** Messages in the queue. */
  present: number;
  /** Owed ids at the time of the check. */
  owed: number;
  /** Owed ids missing from the queue. */
  lost: number[];
  /** Extra copies of an id already seen in the same queue. */
  duplicates: number;
  /** Acked ids back in the queue. */
  ackedBack: number;
  /** Never-confirmed ids in the queue (they may or may not survive; both are fine). */
  unconfirmedBack: number;
  /** Ids returned unroutable back in the queue, or ids never published. */
  foreign: number;
  corrupt: string[];
}

export function checkRecovery(ledger: CrashLedger, recovered: readonly BodyCheck[]): RecoveryCheck {
  const seen = new Set<number>();
  const out: RecoveryCheck = { present: recovered.length, owed: 0, lost: [], duplicates: 0, ackedBack: 0, unconfirmedBack: 0, foreign: 0, corrupt: [] };
  for (const r of recovered) {
    if ('corrupt' in r) {
      out.corrupt.push(r.corrupt);
      continue;
    }
    if (seen.has(r.id)) {
      out.duplicates++;
      continue;
    }
    seen.add(r.id);
    const state = ledger.state(r.id);
    if (state === 'acked') out.ackedBack++;
    else if (state === 'unconfirmed') out.unconfirmedBack++;
    else if (state === 'unknown' || state === 'returned') out.foreign++;
  }
  const owed = ledger.owedIds();
  out.owed = owed.length;
  out.lost = owed.filter((id) => !seen.has(id));
  return out;
}

export function isFailure(c: RecoveryCheck): boolean {
  return c.lost.length > 0 || c.corrupt.length > 0 || c.foreign > 0;
}
