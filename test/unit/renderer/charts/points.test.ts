import { describe, expect, it } from 'vitest';
import { pointsForWidth } from '../../../../renderer/charts/points.js';
import { liveRefetchMs } from '../../../../renderer/charts/useHistory.js';

describe('how many points a chart asks for and how often it refetches', () => {
  it('asks for one point per two pixels, between 60 and 1,000', () => {
    expect(pointsForWidth(1082)).toBe(541);
    expect(pointsForWidth(488)).toBe(244);
    expect(pointsForWidth(50)).toBe(60);
    expect(pointsForWidth(4000)).toBe(1000);
    expect(pointsForWidth(undefined)).toBe(600);
  });

  it('refetches a live range once per bucket of its points, every 1 s to 15 s', () => {
    expect(liveRefetchMs({ kind: 'last', ms: 5 * 60_000 }, 541)).toBe(1000);
    expect(liveRefetchMs({ kind: 'last', ms: 3_600_000 }, 600)).toBe(6000);
    expect(liveRefetchMs({ kind: 'last', ms: 24 * 3_600_000 }, 541)).toBe(15_000);
  });
});
