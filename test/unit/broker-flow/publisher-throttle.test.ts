// rabbit_reader's throttle as a state machine: which alarms and publishes
// block a connection, and when blocked/unblocked are sent.
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../electron/broker/flow/limits.js';
import { PublisherThrottle } from '../../../electron/broker/flow/publisher-throttle.js';

function recorder() {
  const events: string[] = [];
  const throttle = new PublisherThrottle({
    pause: () => events.push('pause'),
    resume: () => events.push('resume'),
    sendBlocked: (reason) => events.push(`blocked: ${reason}`),
    sendUnblocked: () => events.push('unblocked'),
  });
  return { events, throttle };
}

const alarms = (...r: Resource[]) => new Set<Resource>(r);

describe('PublisherThrottle', () => {
  it('does nothing on publishes without an alarm', () => {
    const { events, throttle } = recorder();
    throttle.publishReceived();
    expect(events).toEqual([]);
    expect(throttle.state).toBe('running');
  });

  it('is "blocking" during an alarm until the connection publishes, then blocked: paused and told once', () => {
    const { events, throttle } = recorder();
    throttle.alarmsChanged(alarms('memory'));
    expect(events).toEqual([]);
    expect(throttle.state).toBe('blocking');
    throttle.publishReceived();
    throttle.publishReceived();
    expect(events).toEqual(['pause', 'blocked: low on memory']);
    expect(throttle.state).toBe('blocked');
    expect(throttle.blocked).toBe(true);
  });

  it('unblocks when every alarm has cleared: unblocked sent, reading resumed, back to running', () => {
    const { events, throttle } = recorder();
    throttle.alarmsChanged(alarms('memory'));
    throttle.publishReceived();
    throttle.alarmsChanged(alarms('memory', 'disk'));
    // A second alarm while blocked sends no second connection.blocked.
    expect(events).toEqual(['pause', 'blocked: low on memory']);
    throttle.alarmsChanged(alarms('disk'));
    expect(throttle.state).toBe('blocked');
    throttle.alarmsChanged(alarms());
    expect(events).toEqual(['pause', 'blocked: low on memory', 'unblocked', 'resume']);
    expect(throttle.state).toBe('running');
    // The next alarm needs a new publish to block again.
    throttle.alarmsChanged(alarms('disk'));
    expect(throttle.state).toBe('blocking');
    throttle.publishReceived();
    expect(events.slice(4)).toEqual(['pause', 'blocked: low on disk']);
  });

  it('goes back to running when an alarm clears before the connection published', () => {
    const { events, throttle } = recorder();
    throttle.alarmsChanged(alarms('memory'));
    throttle.alarmsChanged(alarms());
    expect(throttle.state).toBe('running');
    throttle.publishReceived();
    expect(events).toEqual([]);
  });

  it('names both resources when both alarms are in effect at the first publish', () => {
    const { events, throttle } = recorder();
    throttle.alarmsChanged(alarms('disk', 'memory'));
    throttle.publishReceived();
    expect(events).toEqual(['pause', 'blocked: low on memory & disk']);
  });
});
