import { describe, expect, it } from 'vitest';
import { EmbeddedSettings, type EmbeddedState } from '../../../shared/model/embedded.js';
import { embeddedBrokerLine, printEmbeddedBroker } from '../../../electron/backend/embedded/print-urls.js';
import type { EventListener } from '../../../electron/backend/types.js';

const state = (overrides: Partial<EmbeddedState>): EmbeddedState => ({
  status: 'running',
  reason: null,
  pid: 1,
  amqpUrl: 'amqp://127.0.0.1:5672',
  httpUrl: 'http://127.0.0.1:15672',
  amqpPort: 5672,
  httpPort: 15672,
  portNote: null,
  startedAt: 0,
  rssBytes: null,
  dataDir: '/data/broker',
  restarts: 0,
  restartAt: null,
  profileId: 'embedded-broker',
  settings: EmbeddedSettings.parse({}),
  ...overrides,
});

describe('the terminal lines about the embedded broker', () => {
  it('say where it runs, why its ports moved, and why it does not run', () => {
    expect(embeddedBrokerLine(state({}))).toBe('Embedded broker: amqp://127.0.0.1:5672, management http://127.0.0.1:15672');
    expect(embeddedBrokerLine(state({ portNote: 'AMQP port 5672 is in use' }))).toBe(
      'Embedded broker: amqp://127.0.0.1:5672, management http://127.0.0.1:15672\n  AMQP port 5672 is in use',
    );
    expect(embeddedBrokerLine(state({ httpUrl: null }))).toBe('Embedded broker: amqp://127.0.0.1:5672 (no management HTTP API in this build)');
    expect(embeddedBrokerLine(state({ status: 'failed', amqpUrl: null, reason: 'The broker exited with code 1' }))).toBe(
      'Embedded broker not running: The broker exited with code 1',
    );
    expect(embeddedBrokerLine(state({ status: 'starting', amqpUrl: null }))).toBe('');
  });

  it('are printed once per change, not once per state event', () => {
    let listener: EventListener | null = null;
    const printed: string[] = [];
    printEmbeddedBroker((l) => {
      listener = l;
      return () => undefined;
    }, (line) => printed.push(line));
    const emit = (s: EmbeddedState) => (listener as unknown as (event: 'embedded.state', payload: EmbeddedState) => void)('embedded.state', s);
    emit(state({}));
    emit(state({ rssBytes: 1000 }));
    emit(state({ status: 'restarting', amqpUrl: null }));
    emit(state({ amqpUrl: 'amqp://127.0.0.1:5673' }));
    expect(printed).toEqual([
      'Embedded broker: amqp://127.0.0.1:5672, management http://127.0.0.1:15672',
      'Embedded broker: amqp://127.0.0.1:5673, management http://127.0.0.1:15672',
    ]);
  });
});
