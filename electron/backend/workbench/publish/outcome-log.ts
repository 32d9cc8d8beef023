import type { PublishCounts, PublishOutcome } from '../../../../shared/model/workbench/publish.js';

/** The first publishes' outcomes are all kept; after them only returns and nacks, and those bounded too. */
export const FIRST_OUTCOMES = 100;
export const LATER_PROBLEMS = 100;

export interface OutcomeLog {
  readonly counts: PublishCounts;
  sent(): void;
  record(outcome: PublishOutcome): void;
  /** A publish counted unconfirmed came back after all (mandatory without confirms). */
  returnedAfterAll(outcome: PublishOutcome): void;
  outcomes(): PublishOutcome[];
}

export function createOutcomeLog(): OutcomeLog {
  const counts: PublishCounts = { sent: 0, confirmed: 0, returned: 0, nacked: 0, unconfirmed: 0 };
  const first: PublishOutcome[] = [];
  const later: PublishOutcome[] = [];
  const keep = (outcome: PublishOutcome) => {
    if (outcome.n <= FIRST_OUTCOMES) {
      const at = first.findIndex((o) => o.n === outcome.n);
      if (at >= 0) first[at] = outcome;
      else first.push(outcome);
    } else if (outcome.outcome !== 'confirmed' && outcome.outcome !== 'unconfirmed' && later.length < LATER_PROBLEMS) {
      later.push(outcome);
    }
  };
  return {
    counts,
    sent() {
      counts.sent += 1;
    },
    record(outcome) {
      if (outcome.outcome !== 'refused') counts[outcome.outcome] += 1;
      keep(outcome);
    },
    returnedAfterAll(outcome) {
      counts.unconfirmed -= 1;
      counts.returned += 1;
      keep(outcome);
    },
    outcomes: () => [...first, ...later].sort((a, b) => a.n - b.n),
  };
}
