import { describe, expect, it } from 'vitest';
import { readyUrls } from '../../../scripts/crash-test/broker-process.js';
import { bodySize, checkBody, HEADER_BYTES, messageBody } from '../../../scripts/crash-test/payload.js';
import { randomInt, seededRandom } from '../../../scripts/crash-test/rng.js';

describe('crash-test bodies', () => {
  it('check out intact and carry their id', () => {
    for (const id of [0, 1, 2, 1234, 99_999]) expect(checkBody(42, messageBody(42, id))).toEqual({ id });
  });

  it('vary in size from a header to bodies above frame_max', () => {
    const sizes = Array.from({ length: 2000 }, (_, id) => bodySize(5, id));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(HEADER_BYTES);
    expect(sizes.some((s) => s < 100)).toBe(true);
    expect(sizes.some((s) => s > 1024 && s < 20_000)).toBe(true);
    expect(sizes.some((s) => s > 131_072)).toBe(true);
  });

  it('report a flipped byte, a cut body, a foreign body and another seed', () => {
    const body = messageBody(3, 10);
    const flipped = Buffer.from(body);
    flipped[flipped.length - 1]! ^= 1;
    expect(checkBody(3, flipped)).toEqual({ corrupt: 'id 10: content differs' });
    expect(checkBody(3, body.subarray(0, body.length - 1))).toMatchObject({ corrupt: expect.stringMatching(/^id 10: /) });
    expect(checkBody(3, Buffer.from('hello world!'))).toEqual({ corrupt: 'no crash-test header' });
    expect(checkBody(3, Buffer.alloc(3))).toMatchObject({ corrupt: expect.stringContaining('shorter') });
    expect('corrupt' in checkBody(4, body)).toBe(true);
  });
});

describe('crash-test randomness and broker output', () => {
  it('replays from its seed', () => {
    const a = seededRandom(9);
    const b = seededRandom(9);
    const xs = Array.from({ length: 5 }, () => randomInt(a, 10, 20));
    expect(Array.from({ length: 5 }, () => randomInt(b, 10, 20))).toEqual(xs);
    expect(xs.every((x) => x >= 10 && x <= 20)).toBe(true);
  });

  it('reads both URLs from the ready line', () => {
    expect(readyUrls('Warren broker ready on amqp://127.0.0.1:40001, management http://127.0.0.1:40002'))
      .toEqual({ amqpUrl: 'amqp://127.0.0.1:40001', httpUrl: 'http://127.0.0.1:40002' });
    expect(readyUrls('{"level":"info"}')).toBeUndefined();
  });
});
