import { describe, expect, it } from 'vitest';
import { createRatePacer, plannedCount } from '../../../../electron/backend/workbench/publish/rate-pacer.js';

/** Drives the pacer on a simulated clock that wakes `lateMs` after each requested wait, as timers do. */
function simulate(perSecond: number, seconds: number, lateMs: number): number[] {
  const pacer = createRatePacer(perSecond, 0);
  const sentAt: number[] = [];
  let now = 0;
  while (now < seconds * 1000) {
    while (pacer.tryTake(now)) sentAt.push(now);
    now += Math.max(1, pacer.waitMs(now)) + lateMs;
  }
  return sentAt.filter((t) => t < seconds * 1000);
}

describe('rate pacer', () => {
  it('sends the first publish at once and the next one interval later', () => {
    const pacer = createRatePacer(10, 1000);
    expect(pacer.tryTake(1000)).toBe(true);
    expect(pacer.tryTake(1000)).toBe(false);
    expect(pacer.waitMs(1000)).toBeCloseTo(100);
    expect(pacer.tryTake(1099)).toBe(false);
    expect(pacer.tryTake(1100)).toBe(true);
  });

  it.each([
    [1, 5],
    [200, 2],
    [1_000, 3],
    [5_000, 3],
    [10_000, 3],
    [50_000, 1],
  ])('holds %d msg/s within 1%% over %d s even when every timer fires 2 ms late', (perSecond, seconds) => {
    const sent = simulate(perSecond, seconds, 2).length;
    expect(Math.abs(sent - perSecond * seconds)).toBeLessThanOrEqual(Math.max(1, perSecond * seconds * 0.01));
  });

  it('catches up at most one second after a stall, not the whole stall', () => {
    const pacer = createRatePacer(1000, 0);
    let burst = 0;
    while (pacer.tryTake(5000)) burst++;
    expect(burst).toBe(1000);
  });

  it('keeps its average rate through a stall shorter than a second', () => {
    const pacer = createRatePacer(10_000, 0);
    let sent = 0;
    for (let now = 0; now < 3000; now += 1) {
      // The process gets no time at all from 1,000 to 1,600 ms.
      if (now >= 1000 && now < 1600) continue;
      while (pacer.tryTake(now)) sent++;
    }
    expect(sent).toBeGreaterThanOrEqual(29_990);
  });

  it('a slow rate with a late timer never sends two at once', () => {
    const sentAt = simulate(2, 5, 30);
    for (let i = 1; i < sentAt.length; i++) expect((sentAt[i] as number) - (sentAt[i - 1] as number)).toBeGreaterThanOrEqual(470);
  });

  it('plans rate × duration publishes, at least one', () => {
    expect(plannedCount(200, 2)).toBe(400);
    expect(plannedCount(0.1, 1)).toBe(1);
    expect(plannedCount(2.5, 3)).toBe(8);
  });
});
