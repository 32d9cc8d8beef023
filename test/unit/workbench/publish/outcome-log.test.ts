import { describe, expect, it } from 'vitest';
import { FIRST_OUTCOMES, LATER_PROBLEMS, createOutcomeLog } from '../../../../electron/backend/workbench/publish/outcome-log.js';

describe('outcome log', () => {
  it('counts every outcome but keeps only the first ones and, after them, the returns and nacks', () => {
    const log = createOutcomeLog();
    for (let n = 1; n <= 1000; n++) {
      log.sent();
      const outcome = n % 10 === 0 ? 'returned' : n % 7 === 0 ? 'nacked' : 'confirmed';
      log.record({ n, outcome, routingKey: 'k', ...(outcome === 'returned' ? { replyCode: 312, replyText: 'NO_ROUTE' } : {}) });
    }
    expect(log.counts).toEqual({ sent: 1000, confirmed: 772, returned: 100, nacked: 128, unconfirmed: 0 });
    const kept = log.outcomes();
    expect(kept.filter((o) => o.n <= FIRST_OUTCOMES)).toHaveLength(FIRST_OUTCOMES);
    const later = kept.filter((o) => o.n > FIRST_OUTCOMES);
    expect(later).toHaveLength(LATER_PROBLEMS);
    expect(later.every((o) => o.outcome !== 'confirmed')).toBe(true);
    expect(kept.map((o) => o.n)).toEqual([...kept.map((o) => o.n)].sort((a, b) => a - b));
  });

  it('a refusal is kept but counted in none of the counts', () => {
    const log = createOutcomeLog();
    log.sent();
    log.record({ n: 1, outcome: 'refused', replyCode: 404, replyText: "NOT_FOUND - no exchange 'x' in vhost '/'", routingKey: 'k' });
    expect(log.counts).toEqual({ sent: 1, confirmed: 0, returned: 0, nacked: 0, unconfirmed: 0 });
    expect(log.outcomes()).toHaveLength(1);
  });

  it('an unconfirmed publish that comes back is moved to returned, replacing its first outcome', () => {
    const log = createOutcomeLog();
    log.sent();
    log.record({ n: 1, outcome: 'unconfirmed', routingKey: 'k' });
    log.returnedAfterAll({ n: 1, outcome: 'returned', replyCode: 312, replyText: 'NO_ROUTE', routingKey: 'k' });
    expect(log.counts).toMatchObject({ unconfirmed: 0, returned: 1 });
    expect(log.outcomes()).toEqual([{ n: 1, outcome: 'returned', replyCode: 312, replyText: 'NO_ROUTE', routingKey: 'k' }]);
  });
});
