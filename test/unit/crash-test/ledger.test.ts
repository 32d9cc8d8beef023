import { describe, expect, it } from 'vitest';
import { checkRecovery, isFailure } from '../../../scripts/crash-test/check.js';
import { CrashLedger } from '../../../scripts/crash-test/ledger.js';

function ledgerOf(states: ('unconfirmed' | 'owed' | 'acked' | 'returned')[]): CrashLedger {
  const l = new CrashLedger();
  for (const s of states) {
    const id = l.publish();
    if (s !== 'unconfirmed') l.confirmed(id);
    if (s === 'acked') l.acked(id);
    if (s === 'returned') l.returned(id);
  }
  return l;
}

describe('crash-test ledger', () => {
  it('a message is owed from its confirm until its ack, and never when it came back unroutable', () => {
    const l = ledgerOf(['unconfirmed', 'owed', 'acked', 'returned']);
    expect([0, 1, 2, 3, 4].map((id) => l.state(id))).toEqual(['unconfirmed', 'owed', 'acked', 'returned', 'unknown']);
    expect(l.owedIds()).toEqual([1]);
    expect([l.publishedCount, l.confirmedCount, l.ackedCount, l.returnedCount]).toEqual([4, 3, 1, 1]);
  });

  it('counts each id once however often it is confirmed or acked, and ignores ids it never issued', () => {
    const l = ledgerOf(['owed']);
    l.confirmed(0);
    l.acked(0);
    l.acked(0);
    l.acked(7);
    expect([l.confirmedCount, l.ackedCount]).toEqual([1, 1]);
  });

  it('grows past its first allocation', () => {
    const l = new CrashLedger();
    for (let i = 0; i < 10_000; i++) l.confirmed(l.publish());
    expect(l.owedIds()).toHaveLength(10_000);
  });
});

describe('crash-test recovery check', () => {
  it('passes when every owed id is present; acked and unconfirmed ones coming back are counted, not failures', () => {
    const l = ledgerOf(['owed', 'owed', 'acked', 'unconfirmed']);
    const c = checkRecovery(l, [{ id: 1 }, { id: 0 }, { id: 2 }, { id: 3 }, { id: 0 }]);
    expect(c).toEqual({ present: 5, owed: 2, lost: [], duplicates: 1, ackedBack: 1, unconfirmedBack: 1, foreign: 0, corrupt: [] });
    expect(isFailure(c)).toBe(false);
  });

  it('fails on a missing owed id, a corrupt body, or an id never published', () => {
    const l = ledgerOf(['owed', 'owed']);
    expect(checkRecovery(l, [{ id: 0 }]).lost).toEqual([1]);
    expect(isFailure(checkRecovery(l, [{ id: 0 }]))).toBe(true);
    expect(isFailure(checkRecovery(l, [{ id: 0 }, { id: 1 }, { corrupt: 'id 1: content differs' }]))).toBe(true);
    expect(isFailure(checkRecovery(l, [{ id: 0 }, { id: 1 }, { id: 99 }]))).toBe(true);
  });
});
