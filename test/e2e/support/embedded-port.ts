import type { WebConsole } from './web-console.js';

/** The embedded broker's AMQP port, from the line the web console prints once it runs. */
export async function embeddedAmqpPort(web: WebConsole): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 200) {
    const port = /Embedded broker: amqp:\/\/127\.0\.0\.1:(\d+)/.exec(web.output())?.[1];
    if (port) return port;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The embedded broker did not start:\n${web.output()}`);
}
