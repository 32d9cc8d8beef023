import { describe, expect, it } from 'vitest';
import { DeliveryLedger } from '../../../scripts/bench/ledger.js';
import { benchResultSchema, summariseRun } from '../../../scripts/bench/result.js';

function ledgerWith(owed: number, delivered: number[]): DeliveryLedger {
  const ledger = new DeliveryLedger([owed], 1);
  for (let s = 0; s < owed; s++) ledger.markOwed(0, s);
  delivered.forEach((latency, s) => ledger.recordDelivery(0, 0, s, latency, 1000 + 1000 * (s + 1)));
  return ledger;
}

describe('summariseRun', () => {
  it('computes rates from the start of publishing and checks the deliveries', () => {
    const ledger = ledgerWith(4, [10, 20, 30, 40]);
    const r = summariseRun('Warren 3.10.8', false, 4, [{ published: 4, confirmed: 0, nacked: 0, doneAt: 3000 }], ledger, { start: 1000, end: 6000 });
    expect(r).toMatchObject({
      published: 4,
      confirmed: null,
      owed: 4,
      delivered: 4,
      missing: 0,
      drained: true,
      publishCapped: false,
      publishRate: 2, // 4 messages over 2 s
      deliveryRate: 1, // last delivery at 5000: 4 over 4 s
      latencyP50: 20,
      latencyP99: 40,
      elapsedSeconds: 5,
    });
    expect(benchResultSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('with confirms, counts the confirmed messages and the last confirm across producers', () => {
    const ledger = ledgerWith(3, [1, 1, 1]);
    const r = summariseRun(
      'RabbitMQ 3.10.8',
      true,
      4,
      [
        { published: 2, confirmed: 2, nacked: 0, doneAt: 2000 },
        { published: 1, confirmed: 1, nacked: 1, doneAt: 4000 },
      ],
      ledger,
      { start: 1000, end: 5000 },
    );
    expect(r.confirmed).toBe(3);
    expect(r.nacked).toBe(1);
    expect(r.publishRate).toBe(1); // 3 confirmed over 3 s
    expect(r.publishCapped).toBe(true);
  });

  it('reports an unmeasured figure as null, which JSON can carry', () => {
    const r = summariseRun('x', true, 1, [{ published: 1, confirmed: 0, nacked: 0, doneAt: NaN }], new DeliveryLedger([1], 1), { start: 0, end: 1 });
    expect(r.publishRate).toBeNull();
    expect(r.deliveryRate).toBeNull();
    expect(r.latencyP50).toBeNull();
  });

  it('is not drained when owed copies are still missing', () => {
    const ledger = ledgerWith(3, [1]);
    const r = summariseRun('x', false, 3, [{ published: 3, confirmed: 0, nacked: 0, doneAt: 10 }], ledger, { start: 0, end: 20 });
    expect(r).toMatchObject({ missing: 2, drained: false });
  });
});
