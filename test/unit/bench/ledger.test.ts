import { describe, expect, it } from 'vitest';
import { DeliveryLedger } from '../../../scripts/bench/ledger.js';

describe('DeliveryLedger', () => {
  it('counts owed copies per fan-out copy and finds the ones that never arrived', () => {
    const ledger = new DeliveryLedger([3, 2], 2);
    for (const [p, s] of [[0, 0], [0, 1], [0, 2], [1, 0]] as const) ledger.markOwed(p, s);
    expect(ledger.owedCount).toBe(4);
    for (const copy of [0, 1]) {
      ledger.recordDelivery(copy, 0, 0, 1, 10);
      ledger.recordDelivery(copy, 0, 1, 2, 11);
    }
    ledger.recordDelivery(0, 0, 2, 3, 12);
    expect(ledger.missing()).toBe(3); // (copy 1, p0, s2), (copy 0, p1, s0), (copy 1, p1, s0)
    expect(ledger.mayBeComplete).toBe(false);
  });

  it('counts a second delivery of the same copy as a duplicate, not as progress', () => {
    const ledger = new DeliveryLedger([1], 1);
    ledger.markOwed(0, 0);
    ledger.recordDelivery(0, 0, 0, 5, 100);
    ledger.recordDelivery(0, 0, 0, 9, 200);
    expect(ledger.unique).toBe(1);
    expect(ledger.duplicates).toBe(1);
    expect(ledger.missing()).toBe(0);
    expect(Array.from(ledger.latencySamples())).toEqual([5]);
    expect(ledger.lastDeliveryAt).toBe(200);
  });

  it('does not count a message twice when it is marked owed twice', () => {
    const ledger = new DeliveryLedger([2], 1);
    ledger.markOwed(0, 1);
    ledger.markOwed(0, 1);
    expect(ledger.owedCount).toBe(1);
  });

  it('does not call a delivered but never confirmed message missing', () => {
    const ledger = new DeliveryLedger([2], 1);
    ledger.markOwed(0, 0);
    ledger.recordDelivery(0, 0, 0, 1, 1);
    ledger.recordDelivery(0, 0, 1, 1, 2);
    expect(ledger.missing()).toBe(0);
    expect(ledger.unique).toBe(2);
  });

  it('sets aside deliveries from producers or sequence numbers the run never used', () => {
    const ledger = new DeliveryLedger([2], 1);
    ledger.recordDelivery(0, 5, 0, 1, 1);
    ledger.recordDelivery(0, 0, 2, 1, 1);
    ledger.recordDelivery(3, 0, 0, 1, 1);
    expect(ledger.foreign).toBe(3);
    expect(ledger.unique).toBe(0);
    expect(ledger.lastDeliveryAt).toBeNaN();
  });
});
