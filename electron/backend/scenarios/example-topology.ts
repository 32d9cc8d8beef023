import { EXAMPLE_EXCHANGES, EXAMPLE_QUEUES } from '../embedded/examples.js';
import type { ScenarioTopology } from './scenario-spec.js';

function byName<T extends { name: string }>(entities: readonly T[], kind: string, name: string): T {
  const entity = entities.find((e) => e.name === name);
  if (entity === undefined) throw new Error(`The example topology has no ${kind} '${name}'`);
  return entity;
}

/**
 * A scenario's declarations taken from the example topology by name, so a broker that has the
 * examples runs the scenarios on them, and the other way round: one definition of each entity.
 */
export function exampleTopology(names: { queues: string[]; exchanges: string[] }): ScenarioTopology {
  return {
    queues: names.queues.map((name) => {
      const { durable } = byName(EXAMPLE_QUEUES, 'queue', name);
      return { name, durable };
    }),
    exchanges: names.exchanges.map((name) => {
      const { type, bindings } = byName(EXAMPLE_EXCHANGES, 'exchange', name);
      return { name, type, bindings: bindings.map((b) => ({ ...b })) };
    }),
  };
}
