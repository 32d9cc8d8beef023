// The generated codec: every method round-trips, bits pack per spec, field
// tables keep every RabbitMQ type, properties use property flags, and bytes
// captured from amqplib decode to what amqplib meant.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFieldTable, encodeFieldTable, type FieldTable } from '../../../electron/broker/protocol/field-table.js';
import { FrameError, FrameParser } from '../../../electron/broker/protocol/frame-parser.js';
import type { Frame } from '../../../electron/broker/protocol/frame.js';
import {
  decodeBasicProperties,
  decodeMethod,
  encodeContentHeaderFrame,
  encodeMethodFrame,
  METHOD_ID,
  type AmqpMethod,
  type BasicProperties,
  type MethodName,
} from '../../../electron/broker/protocol/generated.js';

interface SpecArg { name: string; type?: string; domain?: string }
interface Spec { domains: [string, string][]; classes: { name: string; methods: { name: string; arguments: SpecArg[] }[] }[] }
const spec = JSON.parse(readFileSync(new URL('../../../electron/broker/spec/amqp-rabbitmq-0.9.1.json', import.meta.url), 'utf8')) as Spec;
const domains = new Map(spec.domains);
const camel = (s: string) => s.replace(/-(.)/g, (_, c: string) => c.toUpperCase());

function sample(type: string, i: number): unknown {
  switch (type) {
    case 'bit': return i % 2 === 0;
    case 'octet': return 200 + i;
    case 'short': return 60000 - i;
    case 'long': return 4000000000 - i;
    case 'longlong': case 'timestamp': return 2 ** 40 + i;
    case 'shortstr': return `s${i}-é`;
    case 'longstr': return Buffer.from([0, 1, 2, 255, i]);
    case 'table': return { k: { type: 'S', value: `v${i}` } };
    default: throw new Error(type);
  }
}

function frames(bytes: Buffer): Frame[] {
  const out: Frame[] = [];
  new FrameParser(0).push(bytes, (f) => out.push(f));
  return out;
}

describe('methods', () => {
  const all = spec.classes.flatMap((c) => c.methods.map((m) => ({ name: `${c.name}.${m.name}` as MethodName, args: m.arguments })));

  it('covers all 66 methods of the spec', () => {
    expect(all).toHaveLength(66);
    expect(Object.keys(METHOD_ID).sort()).toEqual(all.map((m) => m.name).sort());
  });

  for (const m of all) {
    it(`round-trips ${m.name}`, () => {
      for (const variant of [0, 1]) {
        const args: Record<string, unknown> = {};
        m.args.forEach((a, i) => (args[camel(a.name)] = sample(a.type ?? domains.get(a.domain!)!, i + variant)));
        const frame = encodeMethodFrame(5, m.name, args as never);
        const [f] = frames(frame);
        expect(f!.channel).toBe(5);
        const decoded = decodeMethod(f!.payload);
        expect(decoded.name).toBe(m.name);
        expect(decoded.args).toEqual(args);
      }
    });
  }

  it('packs consecutive bits into one octet, low bit first', () => {
    const frame = encodeMethodFrame(1, 'exchange.declare', {
      ticket: 0, exchange: 'x', type: 'direct', passive: false, durable: true, autoDelete: false, internal: true, nowait: true, arguments: {},
    });
    // type, channel, size | class, method, ticket, "x", "direct" | bits | table | end
    const bitsAt = 7 + 4 + 2 + 2 + 7;
    expect(frame[bitsAt]).toBe(0b11010);
    const nack = encodeMethodFrame(1, 'basic.nack', { deliveryTag: 9, multiple: true, requeue: true });
    expect(nack[7 + 4 + 8]).toBe(0b11);
    expect(nack.length).toBe(7 + 4 + 8 + 1 + 1);
  });
});

describe('field tables', () => {
  const everyType: FieldTable = {
    bool: { type: 't', value: true },
    int8: { type: 'b', value: -128 },
    uint8: { type: 'B', value: 255 },
    int16: { type: 's', value: -32768 },
    uint16: { type: 'u', value: 65535 },
    int32: { type: 'I', value: -2147483648 },
    uint32: { type: 'i', value: 4294967295 },
    int64: { type: 'l', value: -(2 ** 53) + 1 },
    int64big: { type: 'l', value: -(2n ** 63n) },
    float: { type: 'f', value: 1.5 },
    double: { type: 'd', value: Math.PI },
    decimal: { type: 'D', value: { scale: 2, value: -12345 } },
    text: { type: 'S', value: 'héllo' },
    binaryText: { type: 'S', value: Buffer.from([0xff, 0xfe, 0x00]) },
    bytes: { type: 'x', value: Buffer.from([1, 2, 3]) },
    array: { type: 'A', value: [{ type: 'I', value: 1 }, { type: 'S', value: 'two' }, { type: 'A', value: [] }] },
    time: { type: 'T', value: 1700000000 },
    nested: { type: 'F', value: { inner: { type: 'V', value: null } } },
    nothing: { type: 'V', value: null },
  };

  it('round-trips every RabbitMQ field type, keeping the type tag', () => {
    const bytes = encodeFieldTable(everyType);
    const [decoded, end] = decodeFieldTable(bytes, 0);
    expect(end).toBe(bytes.length);
    expect(decoded).toEqual(everyType);
    expect(encodeFieldTable(decoded)).toEqual(bytes);
  });

  it("uses RabbitMQ's tags and widths", () => {
    const enc = (t: FieldTable) => encodeFieldTable(t).subarray(4 + 2);
    expect(enc({ k: { type: 's', value: -2 } })).toEqual(Buffer.from([0x73, 0xff, 0xfe]));
    expect(enc({ k: { type: 'u', value: 2 } })).toEqual(Buffer.from([0x75, 0, 2]));
    expect(enc({ k: { type: 'l', value: 1 } })).toEqual(Buffer.from([0x6c, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(enc({ k: { type: 'x', value: Buffer.from([9]) } })).toEqual(Buffer.from([0x78, 0, 0, 0, 1, 9]));
    expect(enc({ k: { type: 'V', value: null } })).toEqual(Buffer.from([0x56]));
  });

  it('rejects truncated and unknown-typed tables', () => {
    const bytes = encodeFieldTable({ k: { type: 'S', value: 'abc' } });
    expect(() => decodeFieldTable(bytes.subarray(0, bytes.length - 1), 0)).toThrow(/truncated/);
    const bad = Buffer.from(bytes);
    bad[6] = 'Z'.charCodeAt(0);
    expect(() => decodeFieldTable(bad, 0)).toThrow(/unknown field type 'Z'/);
  });
});

describe('content header properties', () => {
  it('round-trips all 14 basic properties through property flags', () => {
    const props: BasicProperties = {
      contentType: 'text/plain', contentEncoding: 'gzip', headers: { a: { type: 'I', value: 1 } }, deliveryMode: 2, priority: 9,
      correlationId: 'c', replyTo: 'r', expiration: '100', messageId: 'm', timestamp: 1700000000, type: 't', userId: 'u',
      appId: 'a', clusterId: 'x',
    };
    const frame = encodeContentHeaderFrame(3, 60, 12345, props);
    const [f] = frames(frame);
    expect(f!.type).toBe(2);
    expect(f!.payload.readUInt16BE(0)).toBe(60);
    expect(Number(f!.payload.readBigUInt64BE(4))).toBe(12345);
    expect(f!.payload.readUInt16BE(12)).toBe(0xfffc);
    expect(decodeBasicProperties(f!.payload, 12)).toEqual(props);
  });

  it('sets only the flags of present properties', () => {
    const [f] = frames(encodeContentHeaderFrame(1, 60, 0, { deliveryMode: 1, appId: 'z' }));
    expect(f!.payload.readUInt16BE(12)).toBe(0x1000 | 0x0008);
  });
});

describe('bytes captured from amqplib 2.3.1', () => {
  const captured = Buffer.from(readFileSync(new URL('./fixtures/amqplib-client-session.hex', import.meta.url), 'utf8').trim(), 'hex');
  const all = frames(captured.subarray(8));
  const methods = all.filter((f) => f.type === 1).map((f) => decodeMethod(f.payload));
  const find = <N extends MethodName>(name: N) => methods.find((m) => m.name === name) as Extract<AmqpMethod, { name: N }>;

  it('starts with the 0-9-1 protocol header', () => {
    expect(captured.subarray(0, 8).toString('latin1')).toBe('AMQP\x00\x00\x09\x01');
  });

  it('decodes the handshake', () => {
    const startOk = find('connection.start-ok');
    expect(startOk.args.mechanism).toBe('PLAIN');
    expect(startOk.args.response.toString()).toBe('\0guest\0guest');
    expect(startOk.args.clientProperties.product).toEqual({ type: 'S', value: 'amqplib' });
    expect(find('connection.tune-ok').args).toEqual({ channelMax: 2047, frameMax: 131072, heartbeat: 60 });
    expect(find('connection.open').args.virtualHost).toBe('/');
  });

  it('decodes declare arguments with the types amqplib chose', () => {
    const x = find('exchange.declare').args;
    expect(x).toMatchObject({ exchange: 'cap.x', type: 'topic', durable: false, autoDelete: true, internal: false });
    expect(x.arguments['alternate-exchange']).toEqual({ type: 'S', value: 'cap.ae' });
    const q = find('queue.declare').args;
    expect(q).toMatchObject({ queue: 'cap.q', exclusive: true });
    expect(q.arguments).toMatchObject({
      'x-message-ttl': { type: 'I', value: 60000 },
      'x-max-length': { type: 'I', value: 100000 },
      big: { type: 'l', value: 2 ** 40 },
      flt: { type: 'd', value: 1.5 },
      flag: { type: 't', value: true },
      neg: { type: 'b', value: -5 },
      nested: { type: 'F', value: { a: { type: 'S', value: 'b' } } },
      list: { type: 'A', value: [{ type: 'b', value: 1 }, { type: 'S', value: 'two' }] },
    });
  });

  it('decodes consume, qos and publish with its content header', () => {
    expect(find('basic.qos').args).toEqual({ prefetchSize: 0, prefetchCount: 7, global: false });
    const consume = find('basic.consume').args;
    expect(consume).toMatchObject({ queue: 'cap.q', consumerTag: 'cap-tag', noAck: false });
    expect(consume.arguments['x-priority']).toEqual({ type: 'b', value: 3 });
    expect(find('basic.publish').args).toMatchObject({ exchange: 'cap.x', routingKey: 'a.b.c', mandatory: true, immediate: false });
    const header = all.find((f) => f.type === 2)!;
    const props = decodeBasicProperties(header.payload, 12);
    expect(props).toEqual({
      contentType: 'text/plain', contentEncoding: 'utf8', headers: { h1: { type: 'S', value: 'v1' }, h2: { type: 'b', value: 42 } },
      deliveryMode: 2, priority: 5, correlationId: 'corr', replyTo: 'rq', expiration: '1000', messageId: 'mid',
      timestamp: 1700000000, type: 'kind', userId: 'guest', appId: 'app',
    });
    const body = all.find((f) => f.type === 3)!;
    expect(body.payload.toString()).toBe('hello');
  });
});

describe('frame parser', () => {
  const a = encodeMethodFrame(1, 'basic.qos', { prefetchSize: 0, prefetchCount: 3, global: true });
  const b = encodeMethodFrame(2, 'channel.flow', { active: true });

  it('handles frames split at every byte and several frames per chunk', () => {
    const stream = Buffer.concat([a, b, a]);
    for (let split = 1; split < stream.length; split++) {
      const parser = new FrameParser(131072);
      const got: number[] = [];
      parser.push(stream.subarray(0, split), (f) => got.push(f.channel));
      parser.push(stream.subarray(split), (f) => got.push(f.channel));
      expect(got).toEqual([1, 2, 1]);
    }
    const bytewise = new FrameParser(131072);
    const got: number[] = [];
    for (const byte of stream) bytewise.push(Buffer.from([byte]), (f) => got.push(f.channel));
    expect(got).toEqual([1, 2, 1]);
  });

  it('reports a wrong frame end and an oversize frame as soon as it can', () => {
    const bad = Buffer.from(a);
    bad[bad.length - 1] = 0;
    expect(() => new FrameParser(131072).push(bad, () => undefined)).toThrow(FrameError);
    const head = Buffer.from([3, 0, 1, 0, 0, 0x20, 0, 0]);
    const parser = new FrameParser(4096);
    expect(() => parser.push(head.subarray(0, 7), () => undefined)).toThrow(/frame_too_large,8192,4088/);
    // RabbitMQ tolerates a payload of frame_max itself.
    const fudge = Buffer.concat([Buffer.from([3, 0, 1, 0, 0, 0x10, 0]), Buffer.alloc(4096), Buffer.from([0xce])]);
    const got: number[] = [];
    new FrameParser(4096).push(fudge, (f) => got.push(f.payload.length));
    expect(got).toEqual([4096]);
  });
});

describe('frame parser after a refused frame', () => {
  it('keeps the bytes after the refused frame, including a partial next frame', () => {
    const a = encodeMethodFrame(1, 'basic.qos', { prefetchSize: 0, prefetchCount: 3, global: true });
    const b = encodeMethodFrame(0, 'connection.close-ok', {});
    const parser = new FrameParser(131072);
    const chunk = Buffer.concat([a, b.subarray(0, 5)]);
    expect(() => parser.push(chunk, () => {
      throw new Error('refused');
    })).toThrow('refused');
    const got: number[] = [];
    parser.push(b.subarray(5), (f) => got.push(f.payload.readUInt16BE(2)));
    expect(got).toEqual([51]);
  });
});

describe('short strings', () => {
  it('encode ASCII and non-ASCII text alike', () => {
    for (const key of ['plain.key', 'clé-é', '日本', '']) {
      const [f] = frames(encodeMethodFrame(1, 'basic.cancel', { consumerTag: key, nowait: false }));
      expect((decodeMethod(f!.payload).args as { consumerTag: string }).consumerTag).toBe(key);
    }
  });

  it('writes 64-bit values beyond 32 bits exactly', () => {
    const [f] = frames(encodeMethodFrame(1, 'basic.ack', { deliveryTag: 2 ** 40 + 7, multiple: false }));
    expect((decodeMethod(f!.payload).args as { deliveryTag: number }).deliveryTag).toBe(2 ** 40 + 7);
  });
});
