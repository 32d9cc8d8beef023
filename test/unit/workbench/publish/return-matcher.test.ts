import { describe, expect, it } from 'vitest';
import { createReturnMatcher } from '../../../../electron/backend/workbench/publish/return-matcher.js';

describe('return matcher', () => {
  it('names publishes without an id after the run and finds them by it', () => {
    const m = createReturnMatcher('warren-abc');
    expect(m.messageIdFor(7, undefined)).toBe('warren-abc.7');
    expect(m.messageIdFor(7, 'mine')).toBe('mine');
    m.sent(7, 'warren-abc.7', 'k');
    expect(m.match('warren-abc.7', 'k')).toBe(7);
    expect(m.match('warren-abc.x', 'k')).toBeNull();
    expect(m.match(undefined, 'k')).toBeNull();
  });

  it('matches a user id to the earliest unsettled publish with that id and routing key', () => {
    const m = createReturnMatcher('t');
    m.sent(1, 'same', 'a');
    m.sent(2, 'same', 'b');
    m.sent(3, 'same', 'b');
    m.sent(4, 'same', 'b');
    m.settled(2);
    expect(m.match('same', 'b')).toBe(3);
    expect(m.match('same', 'b')).toBe(4);
    expect(m.match('same', 'b')).toBeNull();
    expect(m.match('same', 'a')).toBe(1);
    expect(m.match('other', 'a')).toBeNull();
  });

  it('forgets settled publishes, so a long run does not keep them', () => {
    const m = createReturnMatcher('t');
    for (let n = 1; n <= 1000; n++) m.sent(n, 'id', 'k');
    for (let n = 1; n <= 999; n++) m.settled(n);
    expect(m.match('id', 'k')).toBe(1000);
    expect(m.match('id', 'k')).toBeNull();
  });
});
