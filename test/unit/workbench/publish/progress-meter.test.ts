import { describe, expect, it } from 'vitest';
import { PROGRESS_INTERVAL_MS, createProgressMeter } from '../../../../electron/backend/workbench/publish/progress-meter.js';

describe('progress meter', () => {
  it('says an event is due at most every interval', () => {
    const meter = createProgressMeter(0);
    expect(meter.due(PROGRESS_INTERVAL_MS - 1)).toBe(false);
    expect(meter.due(PROGRESS_INTERVAL_MS)).toBe(true);
    expect(meter.due(PROGRESS_INTERVAL_MS + 50)).toBe(false);
    expect(meter.due(2 * PROGRESS_INTERVAL_MS)).toBe(true);
  });

  it('measures the rate over about the last second, so a change of pace shows within a second', () => {
    const meter = createProgressMeter(0);
    let sent = 0;
    let rate = 0;
    for (let t = 200; t <= 3000; t += 200) {
      sent += t <= 2000 ? 200 : 20;
      rate = meter.rate(t, sent);
      if (t === 2000) expect(rate).toBeCloseTo(1000, 0);
    }
    expect(rate).toBeCloseTo(100, 0);
  });

  it('answers 0 before any time has passed', () => {
    expect(createProgressMeter(5).rate(5, 0)).toBe(0);
  });
});
