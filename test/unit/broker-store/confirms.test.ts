// Publisher confirms and tx.commit-ok for persistent messages in durable
// queues go out only after the fsync of their record (held here by a test
// fsync); one fsync releases every confirm waiting on it, in publish order.
import { fdatasync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../../electron/broker/main.js';
import { encodeContentHeaderFrame, type MethodArgs } from '../../../electron/broker/protocol/generated.js';
import type { SyncFn } from '../../../electron/broker/store/journal.js';
import { RawClient } from '../broker/support/raw-amqp.js';
import { connect, start, tempDir } from './support.js';

let running: RunningBroker[] = [];
let gates: { release: () => void }[] = [];
afterEach(async () => {
  for (const g of gates) g.release();
  await Promise.all(running.map((b) => b.close()));
  running = [];
  gates = [];
});

/** An fsync that waits until the test releases it; from then on fsyncs go straight through. */
function heldSync(): { sync: SyncFn; held: () => number; release: () => void } {
  let pending: (() => void)[] | undefined = [];
  const gate = {
    sync: ((fd, done) => (pending ? pending.push(() => fdatasync(fd, done)) : fdatasync(fd, done))) as SyncFn,
    held: () => pending?.length ?? 0,
    release: () => {
      const p = pending ?? [];
      pending = undefined;
      for (const f of p) f();
    },
  };
  gates.push(gate);
  return gate;
}

const tick = (ms = 100) => new Promise((r) => setTimeout(r, ms));

describe('confirms after fsync', () => {
  it('holds the confirms of persistent messages to a durable queue until the fsync, and those after them', async () => {
    const gate = heldSync();
    const b = await start(tempDir(), { storage: { sync: gate.sync } });
    running.push(b);
    const conn = await connect(b.port);
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue('dq', { durable: true });
    await ch.assertQueue('tq', { durable: false });
    const confirmed: string[] = [];
    const publish = (queue: string, body: string, persistent: boolean) =>
      ch.sendToQueue(queue, Buffer.from(body), { persistent }, (err) => confirmed.push(err ? `nack:${body}` : body));

    publish('tq', 'transient-queue', true);
    publish('dq', 'transient-message', false);
    await tick();
    expect(confirmed).toEqual(['transient-queue', 'transient-message']);
    expect(gate.held()).toBe(0);

    publish('dq', 'p1', true);
    publish('dq', 'p2', true);
    publish('tq', 'after', false);
    await tick();
    expect(confirmed).toHaveLength(2);
    expect(gate.held()).toBe(1); // the batch in flight; p2 may be in it or wait for the next one
    gate.release();
    await tick();
    expect(confirmed).toEqual(['transient-queue', 'transient-message', 'p1', 'p2', 'after']);
    await conn.close();
  });

  it('answers tx.commit-ok for persistent messages only after the fsync', async () => {
    const gate = heldSync();
    const b = await start(tempDir(), { storage: { sync: gate.sync } });
    running.push(b);
    const c = await RawClient.open(b.port);
    await c.handshake();
    await c.openChannel(1);
    c.sendMethod(1, 'queue.declare', { queue: 'txq', passive: false, durable: true, exclusive: false, autoDelete: false, nowait: false, arguments: {} } as MethodArgs['queue.declare']);
    await c.waitMethod('queue.declare-ok');
    c.sendMethod(1, 'tx.select', {});
    await c.waitMethod('tx.select-ok');
    const body = Buffer.from('in a transaction');
    c.sendMethod(1, 'basic.publish', { exchange: '', routingKey: 'txq', mandatory: false, immediate: false } as MethodArgs['basic.publish']);
    c.send(encodeContentHeaderFrame(1, 60, body.length, { deliveryMode: 2 }));
    const frame = Buffer.alloc(8 + body.length);
    frame[0] = 3;
    frame.writeUInt16BE(1, 1);
    frame.writeUInt32BE(body.length, 3);
    body.copy(frame, 7);
    frame[7 + body.length] = 0xce;
    c.send(frame);
    c.sendMethod(1, 'tx.commit', {});
    await tick();
    expect(c.methods().some((m) => m.name === 'tx.commit-ok')).toBe(false);
    expect(gate.held()).toBe(1);
    gate.release();
    await c.waitMethod('tx.commit-ok');
    c.close();
  });
});
