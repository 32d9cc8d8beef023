import { describe, expect, it } from 'vitest';
import { exampleTopology } from '../../../electron/backend/scenarios/example-topology.js';

describe('exampleTopology', () => {
  it('takes durability, type and bindings from the example topology, in the order asked', () => {
    expect(exampleTopology({ queues: ['logs.archive', 'hello'], exchanges: ['logs'] })).toEqual({
      queues: [
        { name: 'logs.archive', durable: true },
        { name: 'hello', durable: false },
      ],
      exchanges: [{ name: 'logs', type: 'fanout', bindings: [{ queue: 'logs.console', key: '' }, { queue: 'logs.archive', key: '' }] }],
    });
  });

  it('names an entity the examples do not have', () => {
    expect(() => exampleTopology({ queues: ['nope'], exchanges: [] })).toThrow("The example topology has no queue 'nope'");
    expect(() => exampleTopology({ queues: [], exchanges: ['amq.nope'] })).toThrow("The example topology has no exchange 'amq.nope'");
  });
});
