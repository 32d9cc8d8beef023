import { afterEach, beforeEach, expect, it } from 'vitest';
import { sleep, waitForDepth } from './support/messages.js';
import { forEachTarget } from './support/targets.js';

/** Node's setTimeout fires at once (with a TimeoutOverflowWarning) past this; RabbitMQ takes longer TTLs and expiries. */
const BEYOND_TIMER_MS = 2 ** 31 + 1000;

forEachTarget((ctx) => {
  const overflows: string[] = [];
  const onWarning = (warning: Error) => {
    if (warning.name === 'TimeoutOverflowWarning') overflows.push(warning.message);
  };
  beforeEach(() => {
    overflows.length = 0;
    process.on('warning', onWarning);
  });
  afterEach(() => {
    process.off('warning', onWarning);
  });

  it('a queue whose x-expires is beyond 24.8 days is kept, not deleted at once', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-expires': BEYOND_TIMER_MS } });
    // Nothing to wait for: the point is that nothing happens, so give a wrongly armed timer time to fire.
    await sleep(200);
    expect(await (await s.channel()).checkQueue(q)).toMatchObject({ queue: q });
    expect(overflows).toEqual([]);
  });

  it('a message whose expiration is beyond 24.8 days stays queued, with no timer spinning on it', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q);
    ch.sendToQueue(q, Buffer.from('long'), { expiration: String(BEYOND_TIMER_MS) });
    await waitForDepth(ch, q, 1);
    await sleep(200);
    expect((await ch.checkQueue(q)).messageCount).toBe(1);
    expect(overflows).toEqual([]);
  });
});
