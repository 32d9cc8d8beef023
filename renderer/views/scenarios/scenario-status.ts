import type { ScenarioState } from '../../../shared/model/scenarios.js';

export type ScenarioStatus = ScenarioState['status'];

/** Whether the scenario's actors run (or are about to): Stop applies, Start does not. */
export const isActive = (status: ScenarioStatus | undefined): boolean => status === 'starting' || status === 'running';

/** The status in words, with the class of its dot (controls.css `.state--*`). */
export function statusLabel(state: ScenarioState | undefined): { text: string; tone: 'ok' | 'idle' | 'warn' | 'bad' } {
  switch (state?.status) {
    case 'starting':
      return { text: `Starting on ${state.vhost}…`, tone: 'warn' };
    case 'running':
      return { text: `Running on ${state.vhost}`, tone: 'ok' };
    case 'stopping':
      return { text: 'Stopping…', tone: 'warn' };
    case 'failed':
      return { text: 'Failed', tone: 'bad' };
    default:
      return { text: 'Not running', tone: 'idle' };
  }
}
