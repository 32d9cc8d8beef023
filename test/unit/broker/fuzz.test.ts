// Random frames after a valid handshake: whatever a connection is sent, the
// broker answers it or drops it, and keeps serving everyone else.
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../../electron/broker/main.js';
import { readFileSync } from 'node:fs';
import type { FieldTable, FieldValue } from '../../../electron/broker/protocol/field-table.js';
import { encodeContentHeaderFrame, encodeMethodFrame, METHOD_ID, type MethodName } from '../../../electron/broker/protocol/generated.js';
import { amqpUrl, testBroker } from './support/broker.js';
import { RawClient } from './support/raw-amqp.js';

let broker: RunningBroker;
beforeAll(async () => {
  broker = await testBroker();
});
afterAll(async () => {
  await broker.close();
});

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function frame(type: number, channel: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(7);
  head[0] = type;
  head.writeUInt16BE(channel, 1);
  head.writeUInt32BE(payload.length, 3);
  return Buffer.concat([head, payload, Buffer.from([0xce])]);
}

const ids = Object.values(METHOD_ID);

interface SpecArg { name: string; type?: string; domain?: string }
interface Spec { domains: [string, string][]; classes: { name: string; methods: { name: string; arguments: SpecArg[] }[] }[] }
const spec = JSON.parse(readFileSync(new URL('../../../electron/broker/spec/amqp-rabbitmq-0.9.1.json', import.meta.url), 'utf8')) as Spec;
const domains = new Map(spec.domains);
const methods = spec.classes.flatMap((c) => c.methods.map((m) => ({ name: `${c.name}.${m.name}` as MethodName, args: m.arguments })));
const camel = (s: string) => s.replace(/-(.)/g, (_, ch: string) => ch.toUpperCase());
const NAMES = ['', 'q', 'amq.direct', 'amq.topic', 'amq.headers', 'x', 'amq.rabbitmq.reply-to', 'amq.gen-x', 'a.b.#'];
const KEYS = ['x-message-ttl', 'x-expires', 'x-max-length', 'x-max-length-bytes', 'x-overflow', 'x-dead-letter-exchange',
  'x-dead-letter-routing-key', 'x-max-priority', 'x-single-active-consumer', 'x-match', 'x-priority', 'alternate-exchange', 'CC', 'BCC'];

describe('fuzzed frames', () => {
  it('never takes the broker down', { timeout: 60_000 }, async () => {
    const rnd = random(20261122);
    const pick = (n: number) => Math.floor(rnd() * n);
    for (let round = 0; round < 60; round++) {
      const c = await RawClient.open(broker.port);
      await c.handshake();
      await c.openChannel(1);
      const frames: Buffer[] = [];
      for (let i = 0; i < 20; i++) {
        const id = ids[pick(ids.length)]!;
        const args = Buffer.from(Array.from({ length: pick(40) }, () => pick(256)));
        const head = Buffer.alloc(4);
        head.writeUInt32BE(id, 0);
        const kind = pick(10);
        if (kind < 7) frames.push(frame(1, pick(3), Buffer.concat([head, args])));
        else if (kind === 7) frames.push(frame(2, 1, Buffer.concat([Buffer.from([0, 60, 0, 0]), Buffer.alloc(8), args])));
        else if (kind === 8) frames.push(frame(3, 1, args));
        else frames.push(args);
      }
      c.send(Buffer.concat(frames));
      await c.until(() => c.closed, 50);
      c.close();
    }
    await expectAlive();
  });

  it('survives well-typed methods with arbitrary values, in any order', { timeout: 60_000 }, async () => {
    const rnd = random(42);
    const pick = (n: number) => Math.floor(rnd() * n);
    const value = (): FieldValue => {
      switch (pick(6)) {
        case 0: return { type: 'I', value: pick(3) - 1 };
        case 1: return { type: 'S', value: NAMES[pick(NAMES.length)]! };
        case 2: return { type: 't', value: rnd() < 0.5 };
        case 3: return { type: 'l', value: pick(100000) };
        case 4: return { type: 'A', value: [{ type: 'S', value: NAMES[pick(NAMES.length)]! }] };
        default: return { type: 'S', value: ['all', 'any', 'drop-head', 'reject-publish', 'reject-publish-dlx', 'x'][pick(6)]! };
      }
    };
    const table = (): FieldTable => {
      const t: FieldTable = {};
      for (let i = pick(3); i > 0; i--) t[KEYS[pick(KEYS.length)]!] = value();
      return t;
    };
    const sample = (type: string): unknown => {
      switch (type) {
        case 'bit': return rnd() < 0.3;
        case 'octet': return pick(256);
        case 'short': return pick(4);
        case 'long': return pick(4);
        case 'longlong': case 'timestamp': return pick(6);
        case 'shortstr': return NAMES[pick(NAMES.length)];
        case 'longstr': return Buffer.alloc(0);
        case 'table': return table();
        default: throw new Error(type);
      }
    };
    const clientMethods = methods.filter((m) => !m.name.startsWith('connection.') && m.name !== 'channel.open');
    for (let round = 0; round < 80; round++) {
      const c = await RawClient.open(broker.port);
      await c.handshake();
      for (let ch = 1; ch <= 8; ch++) await c.openChannel(ch);
      const frames: Buffer[] = [];
      for (let i = 0; i < 40; i++) {
        const m = clientMethods[pick(clientMethods.length)]!;
        const ch = 1 + pick(8);
        const args: Record<string, unknown> = {};
        for (const a of m.args) args[camel(a.name)] = sample(a.type ?? domains.get(a.domain!)!);
        frames.push(encodeMethodFrame(ch, m.name, args as never));
        if (m.name === 'basic.publish') {
          frames.push(encodeContentHeaderFrame(ch, 60, 3, { headers: table(), expiration: rnd() < 0.3 ? String(pick(5)) : undefined, priority: pick(10) }));
          frames.push(Buffer.from([3, 0, ch, 0, 0, 0, 3, 1, 2, 3, 0xce]));
        }
      }
      c.send(Buffer.concat(frames));
      await c.until(() => c.closed, 50);
      c.close();
    }
    await expectAlive();
  });
});

async function expectAlive(): Promise<void> {
  const conn = await amqp.connect(amqpUrl(broker));
  const ch = await conn.createChannel();
  const q = await ch.assertQueue('', { exclusive: true });
  ch.sendToQueue(q.queue, Buffer.from('still here'));
  await new Promise((r) => setTimeout(r, 50));
  const m = await ch.get(q.queue, { noAck: true });
  expect(m && m.content.toString()).toBe('still here');
  await conn.close();
}
