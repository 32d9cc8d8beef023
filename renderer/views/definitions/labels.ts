import type { PlanStep } from '../../../shared/definitions/plan.js';
import type { ChangeOutcome } from '../../../shared/topology/change.js';

export const ACTION_LABEL: Record<PlanStep['action'], string> = {
  create: 'Create',
  update: 'Change',
  delete: 'Delete',
  'recreate-delete': 'Recreate',
  'recreate-create': 'Recreate',
};

export const ACTION_CLASS: Record<PlanStep['action'], string> = {
  create: 'create',
  update: 'change',
  delete: 'delete',
  'recreate-delete': 'recreate',
  'recreate-create': 'recreate',
};

export const OUTCOME_LABEL: Record<ChangeOutcome['status'] | 'pending' | 'running', string> = {
  pending: 'Pending',
  running: 'Applying…',
  applied: 'Applied',
  failed: 'Failed',
  'not-attempted': 'Not attempted',
  'rolled-back': 'Rolled back',
};

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A property value as one short line: strings bare, everything else as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}
