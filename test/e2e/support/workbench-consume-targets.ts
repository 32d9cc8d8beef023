import type { Page } from 'playwright-core';
import { RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL } from '../../support/requirements.js';
import { startWebConsole, type WebConsole } from './web-console.js';

/** A broker the Consume e2e runs against, with Warren's web console connected to it. */
export interface ConsumeTarget {
  web: WebConsole;
  amqpUrl: string;
  managementUrl: string;
  /** Basic authorization for the management API. */
  managementAuth: string;
  /** Opens the page and waits until Warren is connected to this broker. */
  open(page: Page): Promise<void>;
}

export type TargetKind = 'embedded broker' | 'RabbitMQ';

async function embeddedUrls(web: WebConsole): Promise<{ amqp: string; management: string }> {
  for (let waited = 0; waited < 30_000; waited += 200) {
    const match = /Embedded broker: amqp:\/\/127\.0\.0\.1:(\d+), management (http:\/\/127\.0\.0\.1:\d+)/.exec(web.output());
    if (match) return { amqp: `amqp://guest:guest@127.0.0.1:${match[1]}`, management: match[2] as string };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The embedded broker did not start:\n${web.output()}`);
}

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const connected = (page: Page) => page.getByText('Connected', { exact: true }).waitFor({ timeout: 90_000 });

/** The embedded broker with the console on it from the start; RabbitMQ through a profile added as a user would. */
export async function startTarget(kind: TargetKind): Promise<ConsumeTarget> {
  if (kind === 'embedded broker') {
    const web = await startWebConsole();
    const urls = await embeddedUrls(web);
    return {
      web,
      amqpUrl: urls.amqp,
      managementUrl: urls.management,
      managementAuth: basic('guest', 'guest'),
      async open(page) {
        await page.goto(web.url);
        await connected(page);
      },
    };
  }
  const web = await startWebConsole(['--no-embedded']);
  const url = new URL(RABBITMQ_URL);
  const user = decodeURIComponent(url.username || 'guest');
  const password = decodeURIComponent(url.password || 'guest');
  return {
    web,
    amqpUrl: RABBITMQ_URL,
    managementUrl: RABBITMQ_MANAGEMENT_URL,
    managementAuth: basic(user, password),
    async open(page) {
      await page.goto(web.url);
      await page.getByRole('heading', { name: 'Add a broker' }).waitFor({ timeout: 30_000 });
      await page.getByLabel('Name', { exact: true }).fill('Local RabbitMQ');
      await page.getByLabel('AMQP URI').fill(`amqp://${url.host}/`);
      await page.getByLabel('Management URL').fill(RABBITMQ_MANAGEMENT_URL);
      await page.getByLabel('Username').fill(user);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Save profile' }).click();
      await connected(page);
    },
  };
}

/** A queue's message count as the broker's management API reports it (RabbitMQ refreshes it every few seconds). */
export async function managedCount(target: ConsumeTarget, queue: string): Promise<number | null> {
  const response = await fetch(`${target.managementUrl}/api/queues/%2F/${encodeURIComponent(queue)}`, {
    headers: { authorization: target.managementAuth },
  });
  if (!response.ok) return null;
  const body = (await response.json()) as { messages?: number };
  return body.messages ?? null;
}

/** Opens the Consume view and starts a consumer on `queue` with the form, as a user would. */
export async function startConsumer(page: Page, queue: string, options: { ackMode?: 'manual' | 'auto'; prefetch?: number } = {}): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/consume'));
  await page.getByRole('tab', { name: '+ Consumer' }).click();
  const form = page.getByRole('form', { name: 'Start a consumer' });
  await form.getByLabel('Queue', { exact: true }).fill(queue);
  await form.getByLabel('Ack mode').selectOption(options.ackMode ?? 'manual');
  if (options.prefetch !== undefined) await form.getByLabel('Prefetch').fill(String(options.prefetch));
  await form.getByRole('button', { name: 'Start consumer' }).click();
  await page.getByRole('region', { name: `Consumer on ${queue}` }).waitFor({ timeout: 20_000 });
}
