import amqp, { type ChannelModel } from 'amqplib';
import type { Page } from 'playwright-core';

/** The depth chart's legend: each series' latest recorded value, as the page shows it. */
export async function depthLegend(page: Page): Promise<{ ready: number; unacked: number } | null> {
  const items = await page.getByLabel('Ready and unacked, latest values').locator('.chart-legend__item dd').allTextContents();
  const [unacked, ready] = items.map((text) => Number(text.replace(/,/g, '')));
  return ready === undefined || unacked === undefined || Number.isNaN(ready) || Number.isNaN(unacked) ? null : { ready, unacked };
}

/** Opens a queue's page through its address, as a bookmark or a link would. */
export async function openQueuePage(page: Page, vhost: string, name: string): Promise<void> {
  await page.evaluate(([v, n]) => (window.location.hash = `#/queues/${encodeURIComponent(v as string)}/${encodeURIComponent(n as string)}`), [vhost, name]);
}

export interface SlowConsumer {
  /** From now on, ack as fast as possible: the queue drains. */
  speedUp(): void;
  close(): Promise<void>;
}

/**
 * A consumer with manual ack and a prefetch that acks one message at a time
 * after `ackDelayMs`: slower than the publisher, so ready climbs while
 * unacked stays at the prefetch.
 */
export async function slowConsumer(connection: ChannelModel, queue: string, prefetch: number, ackDelayMs: number): Promise<SlowConsumer> {
  const channel = await connection.createChannel();
  await channel.prefetch(prefetch);
  let delay = ackDelayMs;
  const pending: amqp.ConsumeMessage[] = [];
  let acking = false;
  const drain = async (): Promise<void> => {
    if (acking) return;
    acking = true;
    while (pending.length > 0) {
      await new Promise((r) => setTimeout(r, delay));
      channel.ack(pending.shift() as amqp.ConsumeMessage);
    }
    acking = false;
  };
  await channel.consume(queue, (msg) => {
    if (msg) {
      pending.push(msg);
      void drain();
    }
  });
  return {
    speedUp: () => {
      delay = 2;
    },
    close: () => channel.close().catch(() => undefined),
  };
}

/** Publishes `perSecond` confirmed messages each second for `seconds`, calling `each` after every second. */
export async function publishSteadily(connection: ChannelModel, queue: string, perSecond: number, seconds: number, each: () => Promise<void>): Promise<void> {
  const publisher = await connection.createConfirmChannel();
  for (let second = 0; second < seconds; second++) {
    for (let i = 0; i < perSecond; i++) publisher.sendToQueue(queue, Buffer.from(`order ${second}.${i}`));
    await publisher.waitForConfirms();
    await new Promise((r) => setTimeout(r, 1000));
    await each();
  }
  await publisher.close();
}
