import { describe, expect, it } from 'vitest';
import { EXAMPLE_EXCHANGES, EXAMPLE_QUEUES } from '../../../electron/backend/embedded/examples.js';
import { SCENARIOS, fib, rpcArgument, severityKey, topicKey } from '../../../electron/backend/scenarios/catalogue.js';
import { ScenarioId, ScenarioInfo } from '../../../shared/model/scenarios.js';
import { topicMatches } from '../../../shared/routing/topic.js';

describe('scenario catalogue', () => {
  it('has every scenario of the contract, each info valid and named by its key', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...ScenarioId.options].sort());
    for (const [id, spec] of Object.entries(SCENARIOS)) {
      expect(ScenarioInfo.parse(spec.info).id).toBe(id);
      expect(spec.info.explanation.length).toBeGreaterThan(0);
    }
  });

  it('lists exactly what it declares, so the graph can focus on it', () => {
    for (const spec of Object.values(SCENARIOS)) {
      expect(spec.info.queues).toEqual(spec.topology.queues.map((q) => q.name));
      expect(spec.info.exchanges).toEqual(spec.topology.exchanges.map((x) => x.name));
      const declared = new Set(spec.info.queues);
      for (const x of spec.topology.exchanges) for (const b of x.bindings) expect(declared.has(b.queue)).toBe(true);
      for (const actor of spec.actors) if ('queue' in actor) expect(declared.has(actor.queue)).toBe(true);
    }
  });

  it('declares queues and exchanges as the example topology does, so both can live on one broker', () => {
    for (const spec of Object.values(SCENARIOS)) {
      for (const q of spec.topology.queues) {
        const example = EXAMPLE_QUEUES.find((e) => e.name === q.name);
        expect(example, q.name).toBeDefined();
        expect(q.durable).toBe(example!.durable);
      }
      for (const x of spec.topology.exchanges) {
        const example = EXAMPLE_EXCHANGES.find((e) => e.name === x.name);
        expect(example?.type).toBe(x.type);
        expect(x.bindings).toEqual(example?.bindings);
      }
    }
  });

  it('routing keys: severities 3:2:1, topic keys cover every facility and level in nine messages', () => {
    const six = Array.from({ length: 6 }, (_, n) => severityKey(n));
    expect(six.filter((k) => k === 'info')).toHaveLength(3);
    expect(six.filter((k) => k === 'warning')).toHaveLength(2);
    expect(six.filter((k) => k === 'error')).toHaveLength(1);
    const nine = new Set(Array.from({ length: 9 }, (_, n) => topicKey(n)));
    expect(nine.size).toBe(9);
    expect(nine.has('kern.critical')).toBe(true);
    // What the topics scenario promises: kern.critical reaches all three queues, auth.info only "#".
    const patterns = SCENARIOS.topics.topology.exchanges[0]!.bindings.map((b) => b.key);
    expect(patterns.filter((p) => topicMatches(p, 'kern.critical'))).toHaveLength(3);
    expect(patterns.filter((p) => topicMatches(p, 'auth.info'))).toEqual(['#']);
  });

  it('the work queue outruns its two workers, so its ready count climbs', () => {
    const spec = SCENARIOS['work-queues'];
    const produced = spec.actors.flatMap((a) => (a.kind === 'producer' ? [a.ratePerSecond] : []));
    const capacity = spec.actors.reduce((sum, a) => sum + (a.kind === 'consumer' && a.workMs ? 1000 / a.workMs : 0), 0);
    expect(spec.actors.filter((a) => a.kind === 'consumer').every((a) => a.kind === 'consumer' && a.prefetch === 1)).toBe(true);
    expect(produced.reduce((a, b) => a + b, 0)).toBeGreaterThan(capacity);
  });

  it('fib and the RPC arguments', () => {
    expect([0, 1, 2, 10, 30].map(fib)).toEqual([0, 1, 1, 55, 832040]);
    const args = Array.from({ length: 50 }, (_, n) => rpcArgument(n));
    expect(Math.min(...args)).toBe(10);
    expect(Math.max(...args)).toBe(30);
  });
});
