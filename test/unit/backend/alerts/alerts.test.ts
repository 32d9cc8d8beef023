import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAlerts } from '../../../../electron/backend/alerts/alerts.js';
import { type RuleMemory, evaluateRule } from '../../../../electron/backend/alerts/evaluate-rule.js';
import { createEventHub } from '../../../../electron/backend/events.js';
import { memoryLogger } from '../../../../electron/backend/logger.js';
import type { AlertRule } from '../../../../shared/model/alerts.js';
import { sampleOf } from '../history/history-fixtures.js';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const rule = (condition: AlertRule['condition']): AlertRule => ({ id: 'r1', vhost: '/', queue: 'jobs', condition, enabled: true });
const fresh = (): RuleMemory => ({ since: null, startValue: 0, lastValue: 0 });

describe('alert rule evaluation', () => {
  it('ready above N fires only after T seconds above, and stops when it falls', () => {
    const r = rule({ kind: 'readyAbove', threshold: 100, forSeconds: 10 });
    const m = fresh();
    expect(evaluateRule(r, m, { ready: 150, unacked: 0, consumers: 1 }, T0)).toMatchObject({ firing: false, since: T0 });
    expect(evaluateRule(r, m, { ready: 160, unacked: 0, consumers: 1 }, T0 + 9000).firing).toBe(false);
    expect(evaluateRule(r, m, { ready: 170, unacked: 0, consumers: 1 }, T0 + 10_000)).toEqual({ ruleId: 'r1', firing: true, since: T0, text: 'ready 170 > 100 for 10 s' });
    expect(evaluateRule(r, m, { ready: 100, unacked: 0, consumers: 1 }, T0 + 12_000)).toEqual({ ruleId: 'r1', firing: false, since: null, text: 'ready 100 ≤ 100' });
  });

  it('no consumers for T seconds', () => {
    const r = rule({ kind: 'noConsumers', forSeconds: 4 });
    const m = fresh();
    evaluateRule(r, m, { ready: 0, unacked: 0, consumers: 0 }, T0);
    expect(evaluateRule(r, m, { ready: 0, unacked: 0, consumers: 0 }, T0 + 4000)).toMatchObject({ firing: true, text: 'no consumers for 4 s' });
    expect(evaluateRule(r, m, { ready: 0, unacked: 0, consumers: 2 }, T0 + 6000)).toMatchObject({ firing: false, text: '2 consumers' });
  });

  it('unacked growing: a rise that never falls for T seconds fires; a fall starts over', () => {
    const r = rule({ kind: 'unackedGrowing', forSeconds: 4 });
    const m = fresh();
    const at = (unacked: number, t: number) => evaluateRule(r, m, { ready: 0, unacked, consumers: 1 }, T0 + t);
    at(10, 0);
    at(20, 2000);
    expect(at(20, 4000)).toMatchObject({ firing: true, since: T0, text: 'unacked 10 → 20 over 4 s' });
    expect(at(5, 6000)).toMatchObject({ firing: false, since: T0 + 6000 });
    // Flat since the fall: not growing.
    expect(at(5, 12_000).firing).toBe(false);
  });

  it('cannot fire for a missing queue, one without counts, or a rule that is off', () => {
    const r = rule({ kind: 'noConsumers', forSeconds: 0 });
    expect(evaluateRule(r, fresh(), null, T0)).toMatchObject({ firing: false, text: 'queue not found' });
    expect(evaluateRule(r, fresh(), { ready: NaN, unacked: NaN, consumers: NaN }, T0).firing).toBe(false);
    expect(evaluateRule({ ...r, enabled: false }, fresh(), { ready: 0, unacked: 0, consumers: 0 }, T0)).toMatchObject({ firing: false, text: 'off' });
  });
});

describe('alerts of a profile', () => {
  it('evaluates saved rules on samples, announces changes of firing, and keeps the rules on disk', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'warren-alerts-'));
    try {
      const log = memoryLogger();
      const hub = createEventHub(log);
      const changes: unknown[] = [];
      hub.subscribe((event, payload) => {
        if (event === 'alerts.changed') changes.push(payload);
      });
      const alerts = await createAlerts({ dataDir: dir, hub, log });
      await alerts.save('p1', [rule({ kind: 'readyAbove', threshold: 5, forSeconds: 2 })]);
      const sample = (at: number, ready: number) => ({ at, queueNumbers: sampleOf(at, [{ name: 'jobs', ready }]), statsDisabled: false });
      alerts.observe('p1', sample(T0, 10));
      alerts.observe('p1', sample(T0 + 2000, 10));
      alerts.observe('p1', sample(T0 + 4000, 10));
      alerts.observe('p1', sample(T0 + 6000, 1));
      // Saved, then firing, then not.
      expect(changes.map((c) => (c as { states: { firing: boolean }[] }).states[0]?.firing)).toEqual([false, true, false]);
      expect(alerts.list('p2')).toEqual({ rules: [], states: [] });
      const again = await createAlerts({ dataDir: dir, hub, log });
      expect(again.list('p1').rules).toHaveLength(1);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
