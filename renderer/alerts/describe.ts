import type { AlertCondition } from '../../shared/model/alerts.js';
import { formatCount } from '../format/numbers.js';

export const MAX_SECONDS = 7 * 24 * 3600;

export type DurationUnit = 's' | 'min' | 'h';
export const UNIT_SECONDS: Record<DurationUnit, number> = { s: 1, min: 60, h: 3600 };

/** "45 s", "5 min", "2 h": the largest unit the duration is a whole number of. */
export function formatDuration(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The rule in words: "Ready above 1,000 for 45 s". */
export function describeCondition(condition: AlertCondition): string {
  const span = condition.forSeconds === 0 ? '' : ` for ${formatDuration(condition.forSeconds)}`;
  switch (condition.kind) {
    case 'readyAbove':
      return `Ready above ${formatCount(condition.threshold)}${span}`;
    case 'noConsumers':
      return `No consumers${span}`;
    case 'unackedGrowing':
      return `Unacked growing${span}`;
  }
}
