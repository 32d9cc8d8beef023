import type { Channel, ConsumeMessage, GetMessage, Options } from 'amqplib';

export const body = (m: { content: Buffer }): string => m.content.toString('utf8');

/** Polls `check` until it returns true; fails after `timeoutMs`. Brokers route asynchronously, so scenarios wait on state, not on sleeps. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until the queue holds exactly `count` ready messages. */
export async function waitForDepth(ch: Channel, queue: string, count: number, timeoutMs = 5000): Promise<void> {
  let last = -1;
  await waitFor(
    async () => {
      last = (await ch.checkQueue(queue)).messageCount;
      return last === count;
    },
    timeoutMs,
    `queue depth ${count} (last seen ${last})`,
  ).catch((e: Error) => {
    throw new Error(`${e.message} in ${queue}`);
  });
}

/** `count` messages by basic.get (manual ack); fails if the queue runs dry first. */
export async function getN(ch: Channel, queue: string, count: number): Promise<GetMessage[]> {
  const out: GetMessage[] = [];
  for (let i = 0; i < count; i++) {
    const m = await ch.get(queue);
    if (m === false) throw new Error(`${queue} had only ${i} messages`);
    out.push(m);
  }
  return out;
}

/** Empties a queue with basic.get (auto-ack), returning the messages in order. */
export async function drain(ch: Channel, queue: string): Promise<GetMessage[]> {
  const out: GetMessage[] = [];
  for (;;) {
    const m = await ch.get(queue, { noAck: true });
    if (m === false) return out;
    out.push(m);
  }
}

/** Consumes until `count` deliveries arrived (then cancels); fails after `timeoutMs`. */
export async function collect(
  ch: Channel,
  queue: string,
  count: number,
  opts: Options.Consume & { timeoutMs?: number } = {},
): Promise<ConsumeMessage[]> {
  const { timeoutMs = 5000, ...consumeOpts } = opts;
  const got: ConsumeMessage[] = [];
  let tag = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`got ${got.length} of ${count} messages from ${queue}`)), timeoutMs);
    ch.consume(
      queue,
      (m) => {
        if (m === null) return;
        got.push(m);
        if (got.length === count) {
          clearTimeout(timer);
          resolve();
        }
      },
      consumeOpts,
    ).then((r) => {
      tag = r.consumerTag;
    }, reject);
  });
  await ch.cancel(tag);
  return got;
}
