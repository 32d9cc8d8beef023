import { describe, expect, it } from 'vitest';
import { COL, COLUMNS } from '../../../../electron/backend/history/columns.js';
import { Tier } from '../../../../electron/backend/history/tier.js';

const readyOf = (values: number[]) => values.filter((_, i) => i % COLUMNS === COL.ready);

describe('history tier (the ring of packed chunks)', () => {
  it('wraps: full chunks are packed, old ones dropped whole, reads cross chunk borders', () => {
    const tier = new Tier(4, 1);
    for (let i = 0; i < 10; i++) {
      tier.begin(i * 1000);
      tier.set(0, COL.ready, i);
      if (i >= 6) tier.set(3, COL.ready, 100 + i);
    }
    expect(tier.sealed.length).toBe(2);
    const all = tier.read(0, 0, 9000);
    expect(all.times).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
    expect(readyOf(all.values)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Scope 3 appeared later (the tier grew for it): no data before, NaN.
    expect(readyOf(tier.read(3, 4000, 9000).values)).toEqual([NaN, NaN, 106, 107, 108, 109]);

    tier.dropBefore(4500);
    expect(tier.firstTime).toBe(4000);
    const after = tier.read(0, 2500, 6500);
    expect(after.times).toEqual([4000, 5000, 6000]);
    expect(Number.isNaN(after.before)).toBe(true);
    expect(tier.read(0, 5500, 9000).before).toBe(5000);
  });

  it('packs the open chunk for saving without sealing it', () => {
    const tier = new Tier(4, 1);
    tier.begin(1);
    tier.set(0, COL.ready, 7);
    const packed = tier.packOpen();
    expect(packed?.times.length).toBe(1);
    expect(tier.sealed.length).toBe(0);
    tier.begin(2);
    tier.set(0, COL.ready, 8);
    expect(readyOf(tier.read(0, 0, 10).values)).toEqual([7, 8]);
  });
});
