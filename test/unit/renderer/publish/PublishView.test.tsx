import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { rowKey, type ExchangeRow } from '../../../../shared/model/inventory.js';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import type { PublishArgs, PublishResult, PublishTemplate, SentMessage } from '../../../../shared/model/workbench/publish.js';
import { PublishView } from '../../../../renderer/views/publish/PublishView.js';
import { openInPublish } from '../../../../renderer/workbench/publish-draft.js';
import { FakeClient, inventory, profile, queue, session } from '../support/fakeClient.js';
import { renderWithStore } from '../support/render.js';

afterEach(cleanup);

const exchange = (name: string, type = 'topic'): ExchangeRow => ({
  key: rowKey('/', name),
  vhost: '/',
  name,
  type,
  durable: true,
  autoDelete: false,
  internal: false,
  arguments: {},
  bindingsOut: 0,
  bindingsIn: 0,
  publishInRate: null,
  publishOutRate: null,
});

const snapshot: TopologySnapshot = {
  vhost: '/',
  exchanges: [
    { name: '', type: 'direct', durable: true, autoDelete: false, internal: false, arguments: {}, policy: null },
    { name: 'orders', type: 'topic', durable: true, autoDelete: false, internal: false, arguments: {}, policy: null },
  ],
  queues: [{ name: 'orders.eu', type: 'classic', durable: true, autoDelete: false, exclusive: false, arguments: {}, policy: null }],
  bindings: [{ source: 'orders', destination: 'orders.eu', destinationType: 'queue', routingKey: 'order.eu.*', arguments: {}, propertiesKey: 'order.eu.*' }],
  policies: [],
  operatorPolicies: [],
  fetchedAt: 1,
};

function result(args: PublishArgs, outcome: PublishResult['outcomes'][number]['outcome'], extra: Partial<PublishResult> = {}): PublishResult {
  const returned = outcome === 'returned' ? 1 : 0;
  return {
    publishId: args.publishId,
    status: 'done',
    sent: 1,
    confirmed: outcome === 'confirmed' ? 1 : 0,
    returned,
    nacked: 0,
    unconfirmed: 0,
    elapsedMs: 4,
    achievedRate: 250,
    outcomes: [{ n: 1, outcome, routingKey: args.routingKey, ...(returned ? { replyCode: 312, replyText: 'NO_ROUTE' } : {}) }],
    historyId: 'h1',
    ...extra,
  };
}

function setup(publish: (args: PublishArgs) => PublishResult, sent: SentMessage[] = []) {
  let templates: PublishTemplate[] = [];
  const client = new FakeClient({
    'topology.snapshot': () => snapshot,
    'workbench.templates': () => ({ templates }),
    'workbench.templateSave': (args) => ({ templates: (templates = [...templates.filter((t) => t.id !== args.id), args as PublishTemplate]) }),
    'workbench.templateRemove': (args) => ({ templates: (templates = templates.filter((t) => t.id !== args.id)) }),
    'workbench.sent': () => ({ sent }),
    'workbench.publish': (args) => publish(args as PublishArgs),
  });
  const rendered = renderWithStore(
    <PublishView />,
    {
      profiles: [profile()],
      session: session(),
      vhost: '/',
      inventory: inventory({ vhosts: [{ name: '/' } as never], exchanges: [exchange('orders'), exchange('amq.direct', 'direct')], queues: [queue('orders.eu')] }),
    },
    client,
  );
  return { ...rendered, client };
}

const publishButton = () => screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement;
const body = () => screen.getByLabelText('Message body') as HTMLTextAreaElement;

async function pickExchange(name: string) {
  const field = screen.getByRole('combobox', { name: 'Exchange' });
  fireEvent.focus(field);
  fireEvent.change(field, { target: { value: name } });
  fireEvent.mouseDown(await screen.findByRole('option', { name: new RegExp(`^${name}`) }));
}

describe('Publish view', () => {
  it('publishes the form with confirms and mandatory on, and shows the confirmation', async () => {
    const { client } = setup((args) => result(args, 'confirmed'));
    await pickExchange('orders');
    fireEvent.change(screen.getByRole('combobox', { name: 'Routing key' }), { target: { value: 'order.eu.paid' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add header' }));
    fireEvent.change(screen.getByLabelText('Header 1 name'), { target: { value: 'attempt' } });
    fireEvent.change(screen.getByLabelText('Header 1 type'), { target: { value: 'int' } });
    fireEvent.change(screen.getByLabelText('Header 1 value'), { target: { value: '3' } });
    expect(screen.getByTestId('route-preview').textContent).toContain("Routes to 'orders.eu'");
    await act(async () => void fireEvent.click(publishButton()));
    const args = client.callsOf('workbench.publish')[0] as PublishArgs;
    expect(args).toMatchObject({
      vhost: '/',
      exchange: 'orders',
      routingKey: 'order.eu.paid',
      mandatory: true,
      confirm: true,
      repeat: { mode: 'once' },
      properties: { contentType: 'application/json', deliveryMode: 2 },
      headers: { attempt: { type: 'int', value: 3 } },
      body: { kind: 'inline', bytes: { encoding: 'utf8', data: '{\n  "hello": "world"\n}' } },
    });
    expect((await screen.findByTestId('run-status')).textContent).toBe('Confirmed');
  });

  it('invalid JSON: the line and column inline, Publish disabled until it is fixed', () => {
    setup((args) => result(args, 'confirmed'));
    fireEvent.change(body(), { target: { value: '{\n  "a": 1,\n}' } });
    expect(screen.getByRole('alert').textContent).toBe('Line 3, column 1: a comma before } is not allowed in JSON');
    expect(publishButton().disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Format' })).toHaveProperty('disabled', true);
    fireEvent.change(body(), { target: { value: '{"a":1}' } });
    expect(publishButton().disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Format' }));
    expect(body().value).toBe('{\n  "a": 1\n}');
  });

  it('a return shows 312 NO_ROUTE and the route explainer’s reason, with a link to the explainer', async () => {
    setup((args) => result(args, 'returned'));
    await pickExchange('orders');
    fireEvent.change(screen.getByRole('combobox', { name: 'Routing key' }), { target: { value: 'invoice.sent' } });
    await act(async () => void fireEvent.keyDown(body(), { key: 'Enter', ctrlKey: true }));
    const outcomes = await screen.findByRole('list', { name: 'Outcomes' });
    expect(outcomes.textContent).toContain('312 NO_ROUTE');
    expect(outcomes.textContent).toContain("Why: no binding of exchange 'orders' matches key 'invoice.sent'.");
    fireEvent.click(within(outcomes).getByRole('button', { name: 'Explain route' }));
    expect(window.location.hash).toBe('#/topology');
  });

  it('a refusal is shown in the broker’s words', async () => {
    setup((args) => ({ ...result(args, 'refused'), status: 'refused', sent: 1, refusal: { replyCode: 404, replyText: "NOT_FOUND - no exchange 'nope' in vhost '/'" } }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Exchange' }), { target: { value: 'nope' } });
    expect(screen.getByText("No exchange 'nope' in vhost /: the broker will refuse it (404)")).toBeTruthy();
    await act(async () => void fireEvent.click(publishButton()));
    expect((await screen.findByRole('alert')).textContent).toBe("The broker refused it: 404 NOT_FOUND - no exchange 'nope' in vhost '/'");
  });

  it('takes a message handed over by another view and prefills the form, binary body kept as bytes', async () => {
    openInPublish({
      vhost: '/',
      exchange: 'orders',
      routingKey: 'order.eu.1',
      properties: { contentType: 'application/octet-stream', messageId: 'm-1', priority: 4 },
      headers: { tries: { type: 'int', value: 2 } },
      body: { encoding: 'base64', data: '/wABAg==' },
    });
    const { client } = setup((args) => result(args, 'confirmed'));
    expect((screen.getByRole('combobox', { name: 'Routing key' }) as HTMLInputElement).value).toBe('order.eu.1');
    expect((screen.getByLabelText('Message ID') as HTMLInputElement).value).toBe('m-1');
    expect((screen.getByLabelText('Header 1 value') as HTMLInputElement).value).toBe('2');
    expect(screen.getByText('binary body (4 bytes)')).toBeTruthy();
    await act(async () => void fireEvent.click(publishButton()));
    const args = client.callsOf('workbench.publish')[0] as PublishArgs;
    expect(args.body).toEqual({ kind: 'inline', bytes: { encoding: 'base64', data: '/wABAg==' } });
    expect(args.properties).toEqual({ contentType: 'application/octet-stream', messageId: 'm-1', priority: 4 });
  });

  it('shows progress of a run from publishProgress events, and Cancel asks the backend to stop it', async () => {
    let finish: (r: PublishResult) => void = () => undefined;
    const client = new FakeClient({
      'topology.snapshot': () => snapshot,
      'workbench.templates': () => ({ templates: [] }),
      'workbench.sent': () => ({ sent: [] }),
      'workbench.publish': () => new Promise<PublishResult>((resolve) => (finish = resolve)),
      'workbench.publishCancel': () => ({ cancelled: true }),
    });
    renderWithStore(<PublishView />, { profiles: [profile()], session: session(), vhost: '/', inventory: inventory({ queues: [queue('orders.eu')] }) }, client);
    fireEvent.click(screen.getByLabelText('N times'));
    fireEvent.change(screen.getByLabelText('Count'), { target: { value: '500' } });
    await act(async () => void fireEvent.click(publishButton()));
    const args = client.callsOf('workbench.publish')[0] as PublishArgs;
    expect(args.repeat).toEqual({ mode: 'count', count: 500 });
    act(() => client.emit('workbench.publishProgress', { publishId: args.publishId, sent: 120, confirmed: 100, returned: 0, nacked: 0, unconfirmed: 0, planned: 500, ratePerSecond: 900, elapsedMs: 130 }));
    expect(screen.getByRole('status', { name: 'Publish progress' }).textContent).toContain('120 / 500');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(client.callsOf('workbench.publishCancel')).toEqual([{ publishId: args.publishId }]);
    await act(async () => finish({ ...result(args, 'confirmed'), status: 'cancelled', sent: 130, confirmed: 130, outcomes: [] }));
    expect(screen.getByTestId('run-status').textContent).toBe('Cancelled');
  });

  it('saves the form as a template, loads it back over other edits, and deletes it after asking', async () => {
    const { client } = setup((args) => result(args, 'confirmed'));
    const key = () => screen.getByRole('combobox', { name: 'Routing key' }) as HTMLInputElement;
    fireEvent.change(key(), { target: { value: 'order.eu.{{counter}}' } });
    fireEvent.click(screen.getByLabelText('N times'));
    fireEvent.click(screen.getByRole('button', { name: 'Save as…' }));
    fireEvent.change(screen.getByLabelText('Template name'), { target: { value: 'EU orders' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    const [saved] = client.callsOf('workbench.templateSave') as PublishTemplate[];
    expect(saved).toMatchObject({ name: 'EU orders', repeat: { mode: 'count', count: 10 }, message: { vhost: '/', routingKey: 'order.eu.{{counter}}', body: { encoding: 'utf8' } } });
    expect(screen.getByRole('status').textContent).toBe('Saved as “EU orders”.');

    fireEvent.change(key(), { target: { value: 'something.else' } });
    fireEvent.click(screen.getByLabelText('Once'));
    fireEvent.change(screen.getByLabelText('Template'), { target: { value: saved?.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(key().value).toBe('order.eu.{{counter}}');
    expect((screen.getByLabelText('Count') as HTMLInputElement).value).toBe('10');

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Delete template' })));
    expect(client.callsOf('workbench.templateRemove')).toEqual([{ id: saved?.id }]);
    expect((screen.getByLabelText('Template') as HTMLSelectElement).options[0]?.textContent).toBe('No saved templates');
  });

  it('resends a message from the history exactly as it was sent, binary body included', async () => {
    const sent: SentMessage = {
      id: 's1',
      sentAt: Date.now(),
      message: {
        vhost: '/',
        exchange: 'orders',
        routingKey: 'order.eu.7',
        properties: { contentType: 'application/octet-stream' },
        headers: { n: { type: 'float', value: 2 } },
        body: { encoding: 'base64', data: 'AP8=' },
        mandatory: true,
        confirm: false,
        templated: false,
      },
      bodySize: 2,
      bodyTruncated: false,
      repeat: { mode: 'once' },
      counts: { sent: 1, confirmed: 0, returned: 0, nacked: 0, unconfirmed: 1 },
      status: 'done',
    };
    const { client } = setup((args) => result(args, 'unconfirmed'), [sent]);
    // Found outside act: inside it, React would hold back the list's render until act ends.
    const resend = await screen.findByLabelText('Resend: order.eu.7');
    await act(async () => void fireEvent.click(resend));
    const args = client.callsOf('workbench.publish')[0] as PublishArgs;
    expect(args).toMatchObject({ exchange: 'orders', routingKey: 'order.eu.7', confirm: false, headers: { n: { type: 'float', value: 2 } }, body: { kind: 'inline', bytes: { encoding: 'base64', data: 'AP8=' } } });
    fireEvent.click(screen.getByLabelText('Load into form: order.eu.7'));
    expect((screen.getByLabelText('Header 1 type') as HTMLSelectElement).value).toBe('float');
    expect(screen.getByText('binary body (2 bytes)')).toBeTruthy();
  });
});
