/**
 * Which messages of a list are selected, as a file manager does it: click
 * selects one, Ctrl/⌘-click toggles, Shift-click selects the range from the
 * anchor, arrows move the focus (Shift extends), Space toggles the focused one.
 * Messages are named by seq; lists are in seq order, so positions are found by bisection.
 */
export type Selection = {
  readonly selected: ReadonlySet<number>;
  /** Where a Shift range starts. */
  readonly anchor: number | null;
  /** The row the keyboard is on. */
  readonly focus: number | null;
};

type Listed = readonly { readonly seq: number }[];

export const EMPTY_SELECTION: Selection = { selected: new Set(), anchor: null, focus: null };

/** The position of `seq` in a list sorted by seq, or -1. */
export function indexOfSeq(list: Listed, seq: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = (list[mid] as { seq: number }).seq;
    if (at === seq) return mid;
    if (at < seq) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

export function selectOnly(seq: number): Selection {
  return { selected: new Set([seq]), anchor: seq, focus: seq };
}

export function toggle(selection: Selection, seq: number): Selection {
  const selected = new Set(selection.selected);
  if (selected.has(seq)) selected.delete(seq);
  else selected.add(seq);
  return { selected, anchor: seq, focus: seq };
}

/** Selects from the anchor to `seq` (both in the list); without an anchor, just `seq`. */
export function extendTo(selection: Selection, list: Listed, seq: number): Selection {
  const to = indexOfSeq(list, seq);
  const from = selection.anchor === null ? -1 : indexOfSeq(list, selection.anchor);
  if (to < 0) return selection;
  if (from < 0) return selectOnly(seq);
  const [start, end] = from <= to ? [from, to] : [to, from];
  const selected = new Set<number>();
  for (let i = start; i <= end; i++) selected.add((list[i] as { seq: number }).seq);
  return { selected, anchor: selection.anchor, focus: seq };
}

/** Click, with the modifiers that change what it does. */
export function clickSelect(selection: Selection, list: Listed, seq: number, modifiers: { shift: boolean; toggle: boolean }): Selection {
  if (modifiers.shift) return extendTo(selection, list, seq);
  if (modifiers.toggle) return toggle(selection, seq);
  return selectOnly(seq);
}

export function selectAll(list: Listed): Selection {
  const last = list.at(-1)?.seq ?? null;
  return { selected: new Set(list.map((m) => m.seq)), anchor: list[0]?.seq ?? null, focus: last };
}

/** Home and End, or any row by position (clamped): it is selected alone, or the range extends to it with Shift. */
export function focusIndex(selection: Selection, list: Listed, index: number, extend: boolean): Selection {
  if (list.length === 0) return selection;
  const seq = (list[Math.min(list.length - 1, Math.max(0, index))] as { seq: number }).seq;
  if (!extend) return selectOnly(seq);
  return extendTo(selection.anchor === null ? { ...selection, anchor: seq } : selection, list, seq);
}

/** Arrow keys: the focus moves by `delta` rows (clamped); without a focus, Down starts at the first row and Up at the last. */
export function moveFocus(selection: Selection, list: Listed, delta: number, extend: boolean): Selection {
  const at = selection.focus === null ? -1 : indexOfSeq(list, selection.focus);
  return focusIndex(selection, list, at < 0 ? (delta > 0 ? 0 : list.length - 1) : at + delta, extend);
}

/** Space: toggles the focused row. */
export function toggleFocused(selection: Selection): Selection {
  return selection.focus === null ? selection : toggle(selection, selection.focus);
}

/** Drops seqs no longer held (the list dropped them); the same object when nothing changed, so nothing re-renders. */
export function pruneSelection(selection: Selection, present: (seq: number) => boolean): Selection {
  let missing = false;
  for (const seq of selection.selected) {
    if (!present(seq)) {
      missing = true;
      break;
    }
  }
  const focusGone = selection.focus !== null && !present(selection.focus);
  if (!missing && !focusGone) return selection;
  return {
    selected: new Set([...selection.selected].filter(present)),
    anchor: selection.anchor !== null && present(selection.anchor) ? selection.anchor : null,
    focus: focusGone ? null : selection.focus,
  };
}

/** The selected seqs in list order (the order a transfer or dump keeps). */
export function selectedInOrder(selection: Selection): number[] {
  return [...selection.selected].sort((a, b) => a - b);
}
