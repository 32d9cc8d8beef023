import { describe, expect, it } from 'vitest';
import { benchArgsFor, DEFAULT_URL, parseBenchArgs } from '../../../scripts/bench/options.js';

describe('parseBenchArgs', () => {
  it('defaults to a 16 B transient 1→1 run of 100,000 messages against the local RabbitMQ', () => {
    expect(parseBenchArgs([])).toEqual({
      url: DEFAULT_URL,
      size: 16,
      count: 100_000,
      persistent: false,
      confirm: false,
      producers: 1,
      consumers: 1,
      prefetch: 1000,
      queues: 1,
      fanout: false,
      durationSeconds: 30,
      json: false,
    });
  });

  it('takes RABBITMQ_URL when no --url is given, and --url over it', () => {
    expect(parseBenchArgs([], { RABBITMQ_URL: 'amqp://a' }).url).toBe('amqp://a');
    expect(parseBenchArgs(['--url', 'amqp://b'], { RABBITMQ_URL: 'amqp://a' }).url).toBe('amqp://b');
  });

  it('reads every flag', () => {
    const o = parseBenchArgs(
      ['--size', '1024', '--count', '5000', '--persistent', '--confirm', '--producers', '4', '--consumers', '3', '--prefetch', '50', '--queues', '2', '--duration', '5', '--json'],
    );
    expect(o).toMatchObject({ size: 1024, count: 5000, persistent: true, confirm: true, producers: 4, consumers: 3, prefetch: 50, queues: 2, fanout: false, durationSeconds: 5, json: true });
  });

  it('--fanout K means K queues behind a fanout exchange', () => {
    expect(parseBenchArgs(['--fanout', '10'])).toMatchObject({ queues: 10, fanout: true });
  });

  it('refuses --queues with --fanout, bodies too small for the stamp, and non-integers', () => {
    expect(() => parseBenchArgs(['--queues', '2', '--fanout', '3'])).toThrow(/exclusive/);
    expect(() => parseBenchArgs(['--size', '15'])).toThrow(/--size must be an integer >= 16, got '15'/);
    expect(() => parseBenchArgs(['--count', '1e3'])).toThrow(/--count/);
    expect(() => parseBenchArgs(['--producers', '0'])).toThrow(/--producers/);
    expect(() => parseBenchArgs(['--prefetch', '-1'])).toThrow();
  });

  it('refuses unknown flags and stray arguments', () => {
    expect(() => parseBenchArgs(['--rate', '5'])).toThrow();
    expect(() => parseBenchArgs(['extra'])).toThrow(/unexpected argument 'extra'/);
  });
});

describe('benchArgsFor', () => {
  it('gives flags that parse back to the same options', () => {
    for (const argv of [['--fanout', '10', '--consumers', '10'], ['--persistent', '--confirm', '--size', '64', '--producers', '2']]) {
      const o = parseBenchArgs(argv);
      expect(parseBenchArgs(benchArgsFor(o))).toEqual(o);
    }
  });
});
