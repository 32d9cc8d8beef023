import { describe, expect, it } from 'vitest';
import type { ScenarioState } from '../../../../shared/model/scenarios.js';
import { isActive, statusLabel } from '../../../../renderer/views/scenarios/scenario-status.js';

const state = (status: ScenarioState['status']): ScenarioState => ({ id: 'rpc', vhost: 'shop', status, startedAt: null, error: null, actors: [] });

describe('scenario status', () => {
  it('Stop applies while starting or running only', () => {
    expect(['starting', 'running', 'stopping', 'stopped', 'failed'].map((s) => isActive(s as ScenarioState['status']))).toEqual([true, true, false, false, false]);
    expect(isActive(undefined)).toBe(false);
  });

  it('names the vhost a run is on, and tells failures and idle apart', () => {
    expect(statusLabel(state('running'))).toEqual({ text: 'Running on shop', tone: 'ok' });
    expect(statusLabel(state('starting'))).toEqual({ text: 'Starting on shop…', tone: 'warn' });
    expect(statusLabel(state('failed')).tone).toBe('bad');
    expect(statusLabel(state('stopped'))).toEqual({ text: 'Not running', tone: 'idle' });
    expect(statusLabel(undefined)).toEqual({ text: 'Not running', tone: 'idle' });
  });
});
