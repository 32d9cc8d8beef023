// The durable topology the crash test publishes through: a direct exchange
// bound to a durable queue. Declared once; after every restart it must still
// be there, binding included (checked through the management API, since a
// passive declare cannot see bindings).
import type { Channel, ChannelModel } from 'amqplib';

export const EXCHANGE = 'crash.x';
export const QUEUE = 'crash.q';
export const ROUTING_KEY = 'crash';

export async function declareTopology(conn: ChannelModel): Promise<void> {
  const ch = await conn.createChannel();
  await ch.assertExchange(EXCHANGE, 'direct', { durable: true });
  await ch.assertQueue(QUEUE, { durable: true });
  await ch.bindQueue(QUEUE, EXCHANGE, ROUTING_KEY);
  await ch.close();
}

/** A passive check on a channel of its own (a 404 closes the channel). */
async function exists(conn: ChannelModel, check: (ch: Channel) => Promise<unknown>): Promise<boolean> {
  const ch = await conn.createChannel();
  ch.on('error', () => undefined);
  try {
    await check(ch);
    await ch.close();
    return true;
  } catch {
    return false;
  }
}

/** What is missing after a restart (empty when all of it came back). */
export async function topologyProblems(conn: ChannelModel, httpUrl: string): Promise<string[]> {
  const problems: string[] = [];
  if (!(await exists(conn, (ch) => ch.checkExchange(EXCHANGE)))) problems.push(`exchange '${EXCHANGE}' is gone`);
  if (!(await exists(conn, (ch) => ch.checkQueue(QUEUE)))) problems.push(`queue '${QUEUE}' is gone`);
  const res = await fetch(`${httpUrl}/api/bindings/%2F/e/${EXCHANGE}/q/${QUEUE}`, {
    headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` },
  });
  const rows = res.ok ? ((await res.json()) as { routing_key: string }[]) : [];
  if (!rows.some((b) => b.routing_key === ROUTING_KEY)) problems.push(`binding ${EXCHANGE} → ${QUEUE} '${ROUTING_KEY}' is gone`);
  return problems;
}
