/** A kept message's body as the budget sees it. */
export interface BudgetedBody {
  /** The whole body, or only its head once the budget dropped the rest. */
  body: Buffer;
  whole: boolean;
  pending: boolean;
}

/** Kept when a body is dropped: enough for the list's preview line, never the megabytes. */
export const HEAD_BYTES = 1024;

/** All consumers' whole bodies together stay within this (pending ones excepted, see below). */
export const DEFAULT_BODY_BUDGET_BYTES = 256 * 1024 * 1024;

export interface BodyBudget {
  /** Counts a new body; drops the oldest non-pending bodies while the total is over the limit. */
  hold(entry: BudgetedBody): void;
  /** The message left the list: its body no longer counts. */
  release(entry: BudgetedBody): void;
  readonly total: number;
}

/**
 * Bodies are kept whole so copies, moves and dumps carry every byte, but only up to a
 * limit across all consumers: past it the oldest bodies are cut to their head (the list
 * still shows a preview; copying or dumping that message is refused and says why).
 * Pending manual-ack bodies are never cut, since a move needs them; the broker bounds
 * how many there are through the prefetch.
 */
export function createBodyBudget(limit = DEFAULT_BODY_BUDGET_BYTES): BodyBudget {
  let queue: BudgetedBody[] = [];
  let head = 0;
  let total = 0;

  const cutOldest = () => {
    while (total > limit && head < queue.length) {
      const entry = queue[head++] as BudgetedBody;
      // A pending body leaves the queue uncut and stays counted until its message leaves the list.
      if (!entry.whole || entry.pending) continue;
      total -= entry.body.length;
      entry.body = Buffer.from(entry.body.subarray(0, HEAD_BYTES));
      entry.whole = false;
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  };

  return {
    hold(entry) {
      total += entry.body.length;
      queue.push(entry);
      cutOldest();
    },
    release(entry) {
      if (entry.whole) total -= entry.body.length;
      // Still referenced from the queue until the cursor passes it: keep nothing big alive meanwhile.
      entry.body = Buffer.alloc(0);
      entry.whole = false;
    },
    get total() {
      return total;
    },
  };
}
