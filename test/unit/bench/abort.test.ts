import { describe, expect, it } from 'vitest';
import { RunFailure, unlessAborted } from '../../../scripts/bench/abort.js';

describe('unlessAborted', () => {
  it('is true when the promise wins and false when the signal does', async () => {
    const run = new RunFailure();
    expect(await unlessAborted(Promise.resolve(), run.signal)).toBe(true);
    const never = new Promise(() => {});
    const pending = unlessAborted(never, run.signal);
    run.stop();
    expect(await pending).toBe(false);
    expect(await unlessAborted(Promise.resolve(), run.signal)).toBe(false);
  });

  it('passes the promise’s rejection through', async () => {
    await expect(unlessAborted(Promise.reject(new Error('boom')), new AbortController().signal)).rejects.toThrow('boom');
  });
});

describe('RunFailure', () => {
  it('keeps the first failure and aborts', () => {
    const run = new RunFailure();
    run.fail(new Error('first'));
    run.fail('second');
    expect(run.error?.message).toBe('first');
    expect(run.signal.aborted).toBe(true);
  });

  it('stopping at the time cap is not a failure', () => {
    const run = new RunFailure();
    run.stop();
    expect(run.signal.aborted).toBe(true);
    expect(run.error).toBeUndefined();
  });
});
