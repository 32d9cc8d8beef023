import { describe, expect, it } from 'vitest';
import type { ConsumeStartArgs } from '../../../../shared/model/workbench/consume.js';
import type { ReceivedMessage } from '../../../../shared/model/workbench/message.js';
import { ConsumeStore } from '../../../../renderer/views/consume/consume-store.js';
import { FakeClient } from '../support/fakeClient.js';
import { stateOf } from './consume-fixture.js';
import { message } from './messages.js';

const args: ConsumeStartArgs = {
  consumerId: 'c1',
  vhost: '/',
  source: { kind: 'queue', queue: 'orders' },
  ackMode: 'auto',
  prefetch: 10,
  exclusive: false,
  arguments: {},
  keep: 100,
};
const batch = (from: number, to: number): ReceivedMessage[] => Array.from({ length: to - from + 1 }, (_, i) => message(from + i, `m${from + i}`));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ConsumeStore catching up on missed message batches', () => {
  it('appends batches that follow on from the last seq without asking the backend', () => {
    const client = new FakeClient({});
    const store = new ConsumeStore(client);
    client.emit('workbench.messages', { consumerId: 'c1', messages: batch(1, 3), state: stateOf(args) });
    client.emit('workbench.messages', { consumerId: 'c1', messages: batch(4, 5), state: stateOf(args) });
    expect(store.logFor('c1').messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(client.callsOf('workbench.list')).toEqual([]);
  });

  it('reads back what a congested page missed, then appends the batches that arrived meanwhile, in order', async () => {
    let answer: (value: { messages: ReceivedMessage[] }) => void = () => undefined;
    const client = new FakeClient({ 'workbench.list': () => new Promise((resolve) => (answer = resolve)) });
    const store = new ConsumeStore(client);
    client.emit('workbench.messages', { consumerId: 'c1', messages: batch(1, 2), state: stateOf(args) });
    // Batches 3–6 never arrived: the broadcaster kept only the latest event while the page was congested.
    client.emit('workbench.messages', { consumerId: 'c1', messages: batch(7, 8), state: stateOf(args) });
    client.emit('workbench.messages', { consumerId: 'c1', messages: batch(9, 9), state: stateOf(args) });
    await settle();
    expect(client.callsOf('workbench.list')).toEqual([{ holderId: 'c1', afterSeq: 2, limit: 100 }]);
    expect(store.logFor('c1').messages.map((m) => m.seq)).toEqual([1, 2]);
    answer({ messages: batch(3, 8) });
    await settle();
    await settle();
    expect(store.logFor('c1').messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
