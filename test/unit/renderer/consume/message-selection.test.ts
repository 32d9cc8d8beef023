import { describe, expect, it } from 'vitest';
import {
  clickSelect,
  EMPTY_SELECTION,
  focusIndex,
  indexOfSeq,
  moveFocus,
  pruneSelection,
  selectAll,
  selectedInOrder,
  toggleFocused,
} from '../../../../renderer/workbench/message-selection.js';

const list = [2, 3, 5, 8, 13, 21].map((seq) => ({ seq }));
const seqs = (s: { selected: ReadonlySet<number> }) => [...s.selected].sort((a, b) => a - b);
const plain = { shift: false, toggle: false };
const selectOnlyAt = (seq: number) => clickSelect(EMPTY_SELECTION, list, seq, plain);

describe('message selection', () => {
  it('finds positions by bisection', () => {
    expect(list.map((m) => indexOfSeq(list, m.seq))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(indexOfSeq(list, 4)).toBe(-1);
    expect(indexOfSeq([], 1)).toBe(-1);
  });

  it('click selects one, ctrl-click toggles, shift-click selects the range from the anchor either way', () => {
    let s = clickSelect(EMPTY_SELECTION, list, 3, plain);
    expect(seqs(s)).toEqual([3]);
    s = clickSelect(s, list, 13, { shift: true, toggle: false });
    expect(seqs(s)).toEqual([3, 5, 8, 13]);
    s = clickSelect(s, list, 2, { shift: true, toggle: false });
    expect(seqs(s)).toEqual([2, 3]);
    s = clickSelect(s, list, 21, { shift: false, toggle: true });
    expect(seqs(s)).toEqual([2, 3, 21]);
    s = clickSelect(s, list, 3, { shift: false, toggle: true });
    expect(seqs(s)).toEqual([2, 21]);
    expect(seqs(clickSelect(EMPTY_SELECTION, list, 8, { shift: true, toggle: false }))).toEqual([8]);
  });

  it('select all takes every listed (filtered) message', () => {
    expect(selectedInOrder(selectAll(list))).toEqual([2, 3, 5, 8, 13, 21]);
    expect(selectAll([])).toEqual({ selected: new Set(), anchor: null, focus: null });
  });

  it('arrows move the focus and select it, shift extends, space toggles, the ends clamp', () => {
    let s = moveFocus(EMPTY_SELECTION, list, 1, false);
    expect(s.focus).toBe(2);
    s = moveFocus(s, list, 1, false);
    expect(seqs(s)).toEqual([3]);
    s = moveFocus(s, list, 1, true);
    s = moveFocus(s, list, 1, true);
    expect(seqs(s)).toEqual([3, 5, 8]);
    s = toggleFocused(s);
    expect(seqs(s)).toEqual([3, 5]);
    expect(moveFocus(s, list, 100, false).focus).toBe(21);
    expect(moveFocus(EMPTY_SELECTION, list, -1, false).focus).toBe(21);
    expect(moveFocus(s, list, -100, false).focus).toBe(2);
  });

  it('Home and End go to the first and last rows, with Shift selecting up to them', () => {
    expect(focusIndex(EMPTY_SELECTION, list, 0, false).focus).toBe(2);
    expect(focusIndex(EMPTY_SELECTION, list, list.length - 1, false).focus).toBe(21);
    expect(seqs(focusIndex(selectOnlyAt(8), list, list.length - 1, true))).toEqual([8, 13, 21]);
    expect(focusIndex(EMPTY_SELECTION, [], 0, false)).toBe(EMPTY_SELECTION);
  });

  it('prunes messages the list dropped, keeping the same object when none was', () => {
    const s = selectAll(list);
    expect(pruneSelection(s, () => true)).toBe(s);
    const pruned = pruneSelection(s, (seq) => seq > 5);
    expect(seqs(pruned)).toEqual([8, 13, 21]);
    expect(pruned.anchor).toBeNull();
    expect(pruned.focus).toBe(21);
  });
});
