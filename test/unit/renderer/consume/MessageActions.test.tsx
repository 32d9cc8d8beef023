import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConsumeStartArgs } from '../../../../shared/model/workbench/consume.js';
import type { TransferResult } from '../../../../shared/model/workbench/surgery.js';
import { takePublishDraft } from '../../../../renderer/workbench/publish-draft.js';
import { onTheConsumePage, setup, startOn, stateOf } from './consume-fixture.js';
import { message } from './messages.js';

/** A started manual-ack consumer on 'orders' holding three pending messages. */
async function holding() {
  const fixture = setup();
  await startOn('orders');
  await waitFor(() => expect(fixture.started).toHaveLength(1));
  const args = fixture.started[0] as ConsumeStartArgs;
  act(() =>
    fixture.client.emit('workbench.messages', {
      consumerId: args.consumerId,
      messages: [1, 2, 3].map((seq) => message(seq, `{"n":${seq}}`, { pending: true, properties: { messageId: `m-${seq}`, deliveryMode: 2 } })),
      state: stateOf(args, { received: 3, pending: 3 }),
    }),
  );
  const list = await screen.findByRole('listbox', { name: 'Messages of orders' });
  await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
  return { ...fixture, args, list };
}

describe('message actions', () => {
  onTheConsumePage();

  it('moves the selection with progress and Cancel, then says how many went where', async () => {
    const { client, args, list } = await holding();
    let finish: (result: TransferResult) => void = () => undefined;
    client.handle('workbench.transfer', () => new Promise<TransferResult>((resolve) => (finish = resolve)));
    client.handle('workbench.transferCancel', () => ({ cancelled: true }));
    fireEvent.keyDown(list, { key: 'a', ctrlKey: true });
    fireEvent.click(screen.getByRole('button', { name: 'Move to…' }));
    const dialog = screen.getByRole('dialog', { name: 'Move 3 messages', hidden: true });
    fireEvent.change(within(dialog).getByLabelText('Target queue'), { target: { value: 'payments' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move', hidden: true }));

    await waitFor(() => expect(client.callsOf('workbench.transfer')).toHaveLength(1));
    const call = client.callsOf('workbench.transfer')[0] as { transferId: string };
    expect(call).toMatchObject({ holderId: args.consumerId, seqs: [1, 2, 3], target: { kind: 'queue', queue: 'payments' }, mode: 'move' });
    act(() => client.emit('workbench.transferProgress', { transferId: call.transferId, done: 2, total: 3 }));
    const progress = await screen.findByRole('status', { name: 'Move progress' });
    expect(progress.textContent).toContain('2 / 3');
    fireEvent.click(within(progress).getByRole('button', { name: 'Cancel' }));
    expect(client.callsOf('workbench.transferCancel')).toEqual([{ transferId: call.transferId }]);
    act(() => finish({ transferId: call.transferId, done: 2, failed: [], status: 'cancelled' }));
    expect((await screen.findByText(/^Moved 2 messages/)).textContent).toBe('Moved 2 messages to queue “payments” before Cancel; the rest stay where they were.');
    // The backend acked what it moved: the list asks it again and nothing it no longer holds unacked is pending.
    expect(client.callsOf('workbench.list')).toEqual([{ holderId: args.consumerId, limit: 100_000 }]);
    await waitFor(() => expect(within(list).queryAllByText('pending')).toHaveLength(0));
  });

  it('loads a dump file in chunks and lists each bad line with its number', async () => {
    const { client } = await holding();
    client.handle('workbench.bodyUpload', (a) => ({ uploadId: a.uploadId, received: 1 }));
    client.handle('workbench.load', (a) => ({
      transferId: a.transferId,
      problems: [
        { line: 2, message: 'not JSON: Unexpected token' },
        { line: 5, message: 'body: required' },
      ],
      published: 0,
      status: 'invalid',
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Load from file…' }));
    const dialog = screen.getByRole('dialog', { name: 'Load messages from a file', hidden: true });
    const file = new File(['{"exchange":""}\nnot json\n'], 'orders.jsonl', { type: 'application/x-ndjson' });
    fireEvent.change(within(dialog).getByLabelText('Dump file'), { target: { files: [file] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Load', hidden: true }));
    const outcome = await screen.findByRole('alert');
    expect(outcome.textContent).toContain('Nothing published: 2 lines are not a message of a dump.');
    expect(within(outcome).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Line 2: not JSON: Unexpected token', 'Line 5: body: required']);
    const upload = client.callsOf('workbench.bodyUpload')[0] as { offset: number; chunk: { encoding: string; data: string } };
    expect(upload.offset).toBe(0);
    expect(atob(upload.chunk.data)).toBe('{"exchange":""}\nnot json\n');
    expect(client.callsOf('workbench.load')[0]).toMatchObject({ vhost: '/', uploadId: expect.any(String) });
  });

  it('opens one message in the Publish view with its exchange, key, properties and body', async () => {
    const { list } = await holding();
    fireEvent.click(within(list).getAllByRole('option')[1] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Edit & republish' }));
    await waitFor(() => expect(window.location.hash).toBe('#/publish'));
    expect(takePublishDraft()).toEqual({
      vhost: '/',
      exchange: 'orders',
      routingKey: 'order.2',
      properties: { messageId: 'm-2', deliveryMode: 2 },
      headers: {},
      body: { encoding: 'utf8', data: '{"n":2}' },
    });
  });

  it('acks, nacks and rejects only the pending messages of the selection', async () => {
    const { client, args, list } = await holding();
    fireEvent.click(within(list).getAllByRole('option')[0] as HTMLElement);
    fireEvent.click(within(list).getAllByRole('option')[2] as HTMLElement, { ctrlKey: true });
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(client.callsOf('workbench.settle')).toEqual([{ consumerId: args.consumerId, seqs: [1, 3], action: 'reject', requeue: false }]));
    expect(await screen.findByText('Rejected 2 messages (dropped or dead-lettered).')).toBeTruthy();
    fireEvent.keyDown(list, { key: 'a', ctrlKey: true });
    fireEvent.click(screen.getByRole('button', { name: 'Ack' }));
    await waitFor(() => expect(client.callsOf('workbench.settle')[1]).toEqual({ consumerId: args.consumerId, seqs: [2], action: 'ack', requeue: false }));
  });
});
