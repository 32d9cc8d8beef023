import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConsumeStartArgs } from '../../../../shared/model/workbench/consume.js';
import { onTheConsumePage, setup, startOn, stateOf } from './consume-fixture.js';
import { message } from './messages.js';

describe('ConsumeView', () => {
  onTheConsumePage();

  it('starts a manual-ack consumer with the form and shows its deliveries as they arrive', async () => {
    const { client, started } = setup();
    await startOn('orders');
    await waitFor(() => expect(started).toHaveLength(1));
    expect(started[0]).toMatchObject({ vhost: '/', source: { kind: 'queue', queue: 'orders' }, ackMode: 'manual', prefetch: 100, keep: 10_000 });
    const region = await screen.findByRole('region', { name: 'Consumer on orders' });
    const args = started[0] as ConsumeStartArgs;

    act(() =>
      client.emit('workbench.messages', {
        consumerId: args.consumerId,
        messages: [message(1, '{"order":{"id":42}}', { pending: true }), message(2, 'plain', { pending: true, redelivered: true })],
        state: stateOf(args, { received: 2, pending: 2 }),
      }),
    );
    const list = within(region).getByRole('listbox', { name: 'Messages of orders' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    await waitFor(() => expect(within(region).getByLabelText('Counts').textContent).toContain('Received2'));
    expect(within(list).getAllByRole('option')[1]?.textContent).toContain('redelivered');

    fireEvent.click(within(list).getAllByRole('option')[0] as HTMLElement);
    const detail = await screen.findByRole('article', { name: 'Message 1' });
    expect(within(detail).getByLabelText('Body as a JSON tree').textContent).toContain('id: 42');

    fireEvent.click(screen.getByRole('button', { name: 'Nack + requeue' }));
    await waitFor(() => expect(client.callsOf('workbench.settle')).toEqual([{ consumerId: args.consumerId, seqs: [1], action: 'nack', requeue: true }]));
    expect(await screen.findByText('Nacked 1 message back to the queue.')).toBeTruthy();
    expect(screen.queryByRole('article', { name: 'Message 1' })?.textContent).not.toContain('awaiting ack');
  });

  it('filters the list by JSON path and says what is wrong with a bad one', async () => {
    const { client, started } = setup();
    await startOn('orders');
    await waitFor(() => expect(started).toHaveLength(1));
    const args = started[0] as ConsumeStartArgs;
    act(() =>
      client.emit('workbench.messages', {
        consumerId: args.consumerId,
        messages: [message(1, '{"order":{"id":42}}'), message(2, '{"order":{"id":7}}'), message(3, 'not json')],
        state: stateOf(args, { received: 3 }),
      }),
    );
    fireEvent.click(screen.getByRole('radio', { name: 'JSON path' }));
    const filter = screen.getByRole('searchbox', { name: 'Filter messages' });
    fireEvent.change(filter, { target: { value: '$.order.id == 42' } });
    const list = screen.getByRole('listbox', { name: 'Messages of orders' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(1));
    expect(await screen.findByText('1 of 3 shown')).toBeTruthy();
    fireEvent.change(filter, { target: { value: '$.order.id = 42' } });
    expect((await screen.findByRole('alert')).textContent).toContain('expected an operator');
  });

  it('shows the broker refusal in its words and keeps the form', async () => {
    setup();
    await startOn('missing');
    expect((await screen.findByRole('alert')).textContent).toBe("404 NOT_FOUND - no queue 'missing' in vhost '/'");
    expect(screen.getByRole('form', { name: 'Start a consumer' })).toBeTruthy();
  });
});
