import { describe, expect, it } from 'vitest';
import { readyUrl } from '../../../scripts/bench/embedded-broker.js';

describe('embedded broker ready line', () => {
  it('takes the AMQP URL with or without the management URL after it', () => {
    expect(readyUrl('Warren broker ready on amqp://127.0.0.1:34915')).toBe('amqp://127.0.0.1:34915');
    expect(readyUrl('Warren broker ready on amqp://127.0.0.1:34915, management http://127.0.0.1:41000')).toBe('amqp://127.0.0.1:34915');
    expect(readyUrl('{"level":"info","event":"broker.started"}')).toBeUndefined();
  });
});
