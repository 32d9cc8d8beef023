// Queue decisions without sockets: a fake vhost records dead-letters and
// deletions, fake consumers record deliveries and expose their capacity.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Consumer, ConsumerOwner } from '../../../electron/broker/consumer.js';
import type { DeadLetterReason } from '../../../electron/broker/dead-letter.js';
import type { Message, QueueEntry } from '../../../electron/broker/message.js';
import type { FieldTable } from '../../../electron/broker/protocol/field-table.js';
import { Queue, type QueueHost } from '../../../electron/broker/queue.js';

function message(text: string, props: Message['properties'] = {}): Message {
  return { exchange: '', routingKey: 'q', properties: props, propertiesBytes: Buffer.alloc(2), body: Buffer.from(text) };
}

class Host implements QueueHost {
  dead: [string, DeadLetterReason][] = [];
  deleted: string[] = [];
  deadLetter(_q: Queue, m: Message, reason: DeadLetterReason): void {
    this.dead.push([m.body.toString(), reason]);
  }
  deleteQueue(q: Queue): void {
    this.deleted.push(q.name);
    q.markDeleted();
  }
}

class Owner implements ConsumerOwner {
  got: string[] = [];
  entries: QueueEntry[] = [];
  capacity = Infinity;
  cancelled: string[] = [];
  canDeliver(c: Consumer): boolean {
    return c.unacked < this.capacity;
  }
  deliver(c: Consumer, _q: Queue, e: QueueEntry): void {
    c.unacked++;
    this.got.push(`${c.tag}:${e.message.body.toString()}${e.redelivered ? '*' : ''}`);
    this.entries.push(e);
  }
  queueDeleted(c: Consumer): void {
    this.cancelled.push(c.tag);
  }
}

function queue(args: FieldTable = {}, opts: { autoDelete?: boolean } = {}) {
  const host = new Host();
  const q = new Queue({ name: 'q', vhost: '/', durable: false, exclusiveOwner: null, autoDelete: opts.autoDelete ?? false, arguments: args }, host);
  return { q, host };
}

function consumer(q: Queue, owner: Owner, tag: string, priority = 0): Consumer {
  const c: Consumer = { tag, owner, queue: q, noAck: false, exclusive: false, priority, prefetch: 0, unacked: 0, arguments: {} } as Consumer;
  q.addConsumer(c);
  return c;
}

const drain = (q: Queue) => {
  const out: string[] = [];
  for (let e = q.fetch(true); e; e = q.fetch(true)) out.push(e.message.body.toString() + (e.redelivered ? '*' : ''));
  return out;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('Queue', () => {
  it('round-robins among consumers with capacity, preferring higher priority', () => {
    const { q } = queue();
    const o = new Owner();
    consumer(q, o, 'a');
    consumer(q, o, 'b');
    for (const s of ['1', '2', '3', '4']) q.publish(message(s), 0);
    expect(o.got).toEqual(['a:1', 'b:2', 'a:3', 'b:4']);
    const p = new Owner();
    consumer(q, p, 'high', 5);
    q.publish(message('5'), 0);
    expect(p.got).toEqual(['high:5']);
  });

  it('keeps messages while no consumer has capacity and delivers when capacity returns', () => {
    const { q } = queue();
    const o = new Owner();
    o.capacity = 1;
    const c = consumer(q, o, 'a');
    for (const s of ['1', '2']) q.publish(message(s), 0);
    expect(o.got).toEqual(['a:1']);
    expect(q.messageCount).toBe(1);
    c.unacked = 0;
    q.dispatch();
    expect(o.got).toEqual(['a:1', 'a:2']);
  });

  it('requeues to the original position, marked redelivered', () => {
    const { q } = queue();
    for (const s of ['1', '2', '3']) q.publish(message(s), 0);
    const first = q.fetch(false)!;
    const second = q.fetch(false)!;
    q.requeue(second);
    q.requeue(first);
    expect(drain(q)).toEqual(['1*', '2*', '3']);
  });

  it('drop-head drops the oldest and dead-letters it as maxlen; reject-publish refuses the newest', () => {
    const drop = queue({ 'x-max-length': { type: 'I', value: 2 }, 'x-dead-letter-exchange': { type: 'S', value: 'dlx' } });
    for (const s of ['1', '2', '3']) drop.q.publish(message(s), 0);
    expect(drain(drop.q)).toEqual(['2', '3']);
    expect(drop.host.dead).toEqual([['1', 'maxlen']]);

    const reject = queue({ 'x-max-length': { type: 'I', value: 1 }, 'x-overflow': { type: 'S', value: 'reject-publish' } });
    expect(['1', '2'].map((s) => reject.q.publish(message(s), 0))).toEqual(['enqueued', 'rejected']);
    expect(reject.host.dead).toEqual([]);

    const dlx = queue({ 'x-max-length': { type: 'I', value: 1 }, 'x-overflow': { type: 'S', value: 'reject-publish-dlx' } });
    dlx.q.publish(message('1'), 0);
    expect(dlx.q.publish(message('2'), 0)).toBe('rejected');
    expect(dlx.host.dead).toEqual([['2', 'maxlen']]);
  });

  it('x-max-length-bytes counts body bytes', () => {
    const { q } = queue({ 'x-max-length-bytes': { type: 'I', value: 5 } });
    for (const s of ['ab', 'cd', 'ef', 'g']) q.publish(message(s), 0);
    expect(drain(q)).toEqual(['cd', 'ef', 'g']);
  });

  it('TTL 0 delivers to a waiting consumer and drops otherwise; expired messages are dead-lettered, never delivered', () => {
    vi.useFakeTimers({ now: 1000 });
    const { q, host } = queue({ 'x-message-ttl': { type: 'I', value: 0 }, 'x-dead-letter-exchange': { type: 'S', value: 'dlx' } });
    q.publish(message('nobody'), Date.now());
    vi.advanceTimersByTime(1);
    expect(q.messageCount).toBe(0);
    expect(host.dead).toEqual([['nobody', 'expired']]);
    const o = new Owner();
    consumer(q, o, 'a');
    q.publish(message('waiting'), Date.now());
    expect(o.got).toEqual(['a:waiting']);
  });

  it('per-message expiration applies with the queue TTL, the lower winning', () => {
    vi.useFakeTimers({ now: 1000 });
    const { q } = queue({ 'x-message-ttl': { type: 'I', value: 1000 } });
    q.publish(message('short', { expiration: '10' }), Date.now());
    q.publish(message('long'), Date.now());
    vi.advanceTimersByTime(20);
    expect(drain(q)).toEqual(['long']);
  });

  it('single active consumer: only the first gets messages until it leaves', () => {
    const { q } = queue({ 'x-single-active-consumer': { type: 't', value: true } });
    const o = new Owner();
    const a = consumer(q, o, 'a');
    consumer(q, o, 'b');
    q.publish(message('1'), 0);
    q.publish(message('2'), 0);
    q.removeConsumer(a);
    q.publish(message('3'), 0);
    expect(o.got).toEqual(['a:1', 'a:2', 'b:3']);
  });

  it('auto-delete goes with the last consumer, not before one came', () => {
    const { q, host } = queue({}, { autoDelete: true });
    q.publish(message('1'), 0);
    expect(host.deleted).toEqual([]);
    const o = new Owner();
    const a = consumer(q, o, 'a');
    q.removeConsumer(a);
    expect(host.deleted).toEqual(['q']);
  });

  it('x-expires deletes an unused queue after the period; a consumer keeps it', () => {
    vi.useFakeTimers();
    const { q, host } = queue({ 'x-expires': { type: 'I', value: 100 } });
    vi.advanceTimersByTime(50);
    q.touch();
    vi.advanceTimersByTime(80);
    expect(host.deleted).toEqual([]);
    const a = consumer(q, new Owner(), 'a');
    vi.advanceTimersByTime(500);
    expect(host.deleted).toEqual([]);
    q.removeConsumer(a);
    vi.advanceTimersByTime(100);
    expect(host.deleted).toEqual(['q']);
  });

  it('priority queues deliver the highest priority first, capped at x-max-priority', () => {
    const { q } = queue({ 'x-max-priority': { type: 'I', value: 5 } });
    q.publish(message('p1', { priority: 1 }), 0);
    q.publish(message('p9', { priority: 9 }), 0);
    q.publish(message('p5', { priority: 5 }), 0);
    q.publish(message('none'), 0);
    expect(drain(q)).toEqual(['p9', 'p5', 'p1', 'none']);
  });

  it('delete checks if-unused and if-empty with RabbitMQ texts', () => {
    const { q } = queue();
    q.publish(message('1'), 0);
    expect(q.checkDeletable(false, true)?.message).toBe("PRECONDITION_FAILED - queue 'q' in vhost '/' not empty");
    consumer(q, new Owner(), 'a');
    expect(q.checkDeletable(true, false)?.message).toBe("PRECONDITION_FAILED - queue 'q' in vhost '/' in use");
  });
});
