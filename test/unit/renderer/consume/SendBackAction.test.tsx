import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SendBackResult } from '../../../../shared/model/workbench/surgery.js';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import { SendBackAction } from '../../../../renderer/views/consume/SendBackAction.js';
import { FakeClient, queue } from '../support/fakeClient.js';
import { renderWithStore } from '../support/render.js';

const exchange = (name: string, type: string) => ({ name, type, durable: true, autoDelete: false, internal: false, arguments: {}, policy: null });
const topologyQueue = (name: string, args: Record<string, unknown> = {}) => ({ name, type: 'classic', durable: true, autoDelete: false, exclusive: false, arguments: args, policy: null });

const snapshot: TopologySnapshot = {
  vhost: '/',
  exchanges: [exchange('orders.dlx', 'fanout')],
  queues: [topologyQueue('orders', { 'x-dead-letter-exchange': 'orders.dlx' }), topologyQueue('payments', { 'x-dead-letter-exchange': 'orders.dlx' }), topologyQueue('orders.dead'), topologyQueue('other')],
  bindings: [{ source: 'orders.dlx', destination: 'orders.dead', destinationType: 'queue', routingKey: '', arguments: {}, propertiesKey: '~' }],
  policies: [],
  operatorPolicies: [],
  fetchedAt: 0,
};

function renderAction(name: string, ready = 7) {
  const outcomes: { message: string; failed: boolean }[] = [];
  let finish: (result: SendBackResult) => void = () => undefined;
  const client = new FakeClient({
    'topology.snapshot': () => snapshot,
    'workbench.sendBack': () => new Promise<SendBackResult>((resolve) => (finish = resolve)),
  });
  renderWithStore(<SendBackAction queue={queue(name, { ready, total: ready })} onOutcome={(message, failed) => outcomes.push({ message, failed })} />, {}, client);
  return { client, outcomes, finish: (result: SendBackResult) => finish(result) };
}

describe('SendBackAction', () => {
  afterEach(() => cleanup());

  it('is offered on a dead-letter queue only', async () => {
    const { client } = renderAction('other');
    await waitFor(() => expect(client.callsOf('topology.snapshot')).toHaveLength(1));
    // The snapshot's answer has been rendered: still nothing to offer.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.queryByRole('button', { name: 'Send back all…' })).toBeNull();
  });

  it('confirms naming the origin queues, sends back, and reports per queue and what stayed', async () => {
    const { client, outcomes, finish } = renderAction('orders.dead');
    fireEvent.click(await screen.findByRole('button', { name: 'Send back all…' }));
    const dialog = screen.getByRole('dialog', { name: 'Send back every message in “orders.dead”?', hidden: true });
    expect(dialog.textContent).toContain('Queues that dead-letter here: “orders”, “payments”.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send back', hidden: true }));
    await waitFor(() => expect(client.callsOf('workbench.sendBack')).toHaveLength(1));
    expect(client.callsOf('workbench.sendBack')[0]).toMatchObject({ vhost: '/', queue: 'orders.dead', scope: { kind: 'all' } });
    expect(screen.getByRole('status', { name: 'Send back progress' })).toBeTruthy();
    const transferId = (client.callsOf('workbench.sendBack')[0] as { transferId: string }).transferId;
    act(() => finish({ transferId, sent: 6, byQueue: { payments: 2, orders: 4 }, skipped: [{ reason: 'no x-death header', count: 1 }], status: 'done' }));
    await waitFor(() => expect(outcomes).toHaveLength(1));
    expect(outcomes[0]).toEqual({ message: 'Sent back 6 messages: 4 to “orders”, 2 to “payments”. 1 stayed in “orders.dead”: no x-death header', failed: false });
  });

  it('is disabled with nothing ready to send back', async () => {
    renderAction('orders.dead', 0);
    expect(((await screen.findByRole('button', { name: 'Send back all…' })) as HTMLButtonElement).disabled).toBe(true);
  });
});
