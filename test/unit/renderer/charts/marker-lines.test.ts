import { describe, expect, it } from 'vitest';
import type { HistoryMarker } from '../../../../shared/model/history.js';
import { markerLines } from '../../../../renderer/charts/marker-lines.js';

const marker = (t: number, queue = 'q'): HistoryMarker => ({ t, kind: 'created', queue, text: `queue ${queue} appeared` });

describe('markerLines', () => {
  it('draws one line per marker when they are few and apart, in time order', () => {
    expect(markerLines([marker(9_000), marker(1_000), marker(5_000)], 0, 10_000)).toEqual([1_000, 5_000, 9_000]);
  });

  it('folds thousands of markers at one moment into one line, and never draws more than the maximum', () => {
    const burst = Array.from({ length: 3000 }, (_, i) => marker(4_000 + (i % 7), `q${i}`));
    expect(markerLines(burst, 0, 60_000)).toEqual([4_000]);
    const spread = Array.from({ length: 3000 }, (_, i) => marker(i * 20, `q${i}`));
    const lines = markerLines(spread, 0, 60_000, 60);
    expect(lines).toHaveLength(60);
    expect(lines[0]).toBe(0);
  });

  it('leaves out markers outside the range', () => {
    expect(markerLines([marker(-5), marker(50), marker(101)], 0, 100)).toEqual([50]);
  });
});
