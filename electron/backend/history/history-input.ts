import type { QueueNumbers } from '../management/queue-numbers.js';

/** One sample as the history store takes it: every queue's numbers (NaN = the broker did not say) and when. */
export interface HistoryInput extends QueueNumbers {
  at: number;
  /** The sampler's interval: a longer silence between two samples is a gap. */
  intervalMs: number;
  /** False when the broker reports no message statistics. */
  statsAvailable: boolean;
}
