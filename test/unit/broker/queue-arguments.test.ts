// Queue argument validation and equivalence; expected texts are RabbitMQ
// 3.10.8's, captured from the real broker.
import { describe, expect, it } from 'vitest';
import { argsEquivalenceError, fieldEquivalenceError, queueSettings, validateQueueArguments } from '../../../electron/broker/queue-arguments.js';
import type { FieldTable } from '../../../electron/broker/protocol/field-table.js';

const R = "queue 'q' in vhost '/'";
const text = (t: FieldTable) => validateQueueArguments(t, R)?.replyText;

describe('validateQueueArguments', () => {
  it('accepts valid arguments', () => {
    expect(text({
      'x-message-ttl': { type: 'I', value: 0 }, 'x-expires': { type: 'l', value: 5 }, 'x-max-length': { type: 's', value: 0 },
      'x-overflow': { type: 'S', value: 'reject-publish-dlx' }, 'x-dead-letter-exchange': { type: 'S', value: '' },
      'x-dead-letter-routing-key': { type: 'S', value: 'k' }, 'x-max-priority': { type: 'B', value: 255 },
      'x-single-active-consumer': { type: 't', value: true }, 'x-queue-type': { type: 'S', value: 'classic' },
    })).toBeUndefined();
  });

  it.each([
    [{ 'x-message-ttl': { type: 'b', value: -1 } }, "invalid arg 'x-message-ttl' for queue 'q' in vhost '/': {value_negative,-1}"],
    [{ 'x-message-ttl': { type: 'S', value: 'abc' } }, `invalid arg 'x-message-ttl' for queue 'q' in vhost '/': "expected integer, got longstr"`],
    [{ 'x-expires': { type: 'b', value: 0 } }, "invalid arg 'x-expires' for queue 'q' in vhost '/': {value_zero,0}"],
    [{ 'x-max-length': { type: 'b', value: -1 } }, "invalid arg 'x-max-length' for queue 'q' in vhost '/': {value_negative,-1}"],
    [{ 'x-overflow': { type: 'S', value: 'foo' } }, "invalid arg 'x-overflow' for queue 'q' in vhost '/': invalid_overflow"],
    [{ 'x-max-priority': { type: 's', value: 300 } }, "invalid arg 'x-max-priority' for queue 'q' in vhost '/': {max_value_exceeded,300}"],
    [{ 'x-single-active-consumer': { type: 'S', value: 'yes' } }, "invalid arg 'x-single-active-consumer' for queue 'q' in vhost '/': {unacceptable_type,longstr}"],
    [{ 'x-dead-letter-exchange': { type: 'b', value: 5 } }, "invalid type 'byte' for arg 'x-dead-letter-exchange' in queue 'q' in vhost '/'"],
    [{ 'x-dead-letter-routing-key': { type: 'S', value: 'k' } }, "invalid arg 'x-dead-letter-routing-key' for queue 'q' in vhost '/': routing_key_but_no_dlx_defined"],
    [{ 'x-queue-type': { type: 'S', value: 'foo' } }, `invalid arg 'x-queue-type' for queue 'q' in vhost '/': "unsupported queue type 'foo'"`],
  ] as [FieldTable, string][])('refuses %j', (args, expected) => {
    expect(text(args)).toBe(`PRECONDITION_FAILED - ${expected}`);
  });
});

describe('argsEquivalenceError', () => {
  const ttl = (type: 's' | 'I' | 'l', value: number): FieldTable => ({ 'x-message-ttl': { type, value } });

  it('treats integer types as compatible', () => {
    expect(argsEquivalenceError(ttl('s', 1000), ttl('l', 1000), R)).toBeUndefined();
  });

  it('reports different values plainly', () => {
    expect(argsEquivalenceError(ttl('s', 1000), ttl('s', 2000), R)?.replyText)
      .toBe("PRECONDITION_FAILED - inequivalent arg 'x-message-ttl' for queue 'q' in vhost '/': received '2000' but current is '1000'");
  });

  it('reports a missing side with the other side typed', () => {
    expect(argsEquivalenceError(ttl('s', 1000), {}, R)?.replyText)
      .toBe("PRECONDITION_FAILED - inequivalent arg 'x-message-ttl' for queue 'q' in vhost '/': received none but current is the value '1000' of type 'short'");
    expect(argsEquivalenceError({}, ttl('s', 1000), R)?.replyText)
      .toBe("PRECONDITION_FAILED - inequivalent arg 'x-message-ttl' for queue 'q' in vhost '/': received the value '1000' of type 'short' but current is none");
  });

  it("treats an absent x-queue-type as 'classic'", () => {
    expect(argsEquivalenceError({}, { 'x-queue-type': { type: 'S', value: 'classic' } }, R)).toBeUndefined();
  });

  it('ignores arguments RabbitMQ does not compare', () => {
    expect(argsEquivalenceError({ custom: { type: 'S', value: 'a' } }, {}, R)).toBeUndefined();
  });

  it('formats field equivalence like rabbit_misc:assert_field_equivalence', () => {
    expect(fieldEquivalenceError('durable', true, false, R)?.replyText)
      .toBe("PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'q' in vhost '/': received 'false' but current is 'true'");
  });
});

describe('queueSettings', () => {
  it('reads the arguments the queue acts on', () => {
    expect(queueSettings({
      'x-message-ttl': { type: 'l', value: 5 }, 'x-overflow': { type: 'S', value: 'reject-publish' },
      'x-single-active-consumer': { type: 't', value: true }, 'x-max-priority': { type: 'b', value: 3 },
    })).toMatchObject({ messageTtl: 5, overflow: 'reject-publish', singleActiveConsumer: true, maxPriority: 3 });
    expect(queueSettings({}).overflow).toBe('drop-head');
  });
});
