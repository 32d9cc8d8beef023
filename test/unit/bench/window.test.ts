import { describe, expect, it } from 'vitest';
import { ConfirmWindow } from '../../../scripts/bench/window.js';

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('ConfirmWindow', () => {
  it('admits up to its size, then waits for a release', async () => {
    const w = new ConfirmWindow(2);
    await w.acquire();
    await w.acquire();
    const third = w.acquire();
    expect(await settled(third)).toBe(false);
    w.release();
    expect(await settled(third)).toBe(true);
    expect(w.inFlight).toBe(2);
  });

  it('drained() waits until nothing is in flight', async () => {
    const w = new ConfirmWindow(5);
    await w.acquire();
    await w.acquire();
    const drained = w.drained();
    w.release();
    expect(await settled(drained)).toBe(false);
    w.release();
    expect(await settled(drained)).toBe(true);
  });

  it('one release lets exactly one waiter in', async () => {
    const w = new ConfirmWindow(1);
    await w.acquire();
    const a = w.acquire();
    const b = w.acquire();
    w.release();
    expect([await settled(a), await settled(b)].filter(Boolean)).toHaveLength(1);
    expect(w.inFlight).toBe(1);
  });
});
