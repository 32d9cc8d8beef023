import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TopologySnapshot } from '../../../shared/model/topology.js';
import { queueNodeId } from '../../../shared/topology/ids.js';
import { type RouteExplainer, useRouteExplainer } from '../../../renderer/views/topology/route/useRouteExplainer.js';
import { draftFromMessage, parseHeaders } from '../../../renderer/views/topology/route/route-form.js';
import { StoreProvider } from '../../../renderer/state/StoreProvider.js';
import { useGraphExtensions } from '../../../renderer/views/topology/graph-extensions.js';
import { RouteExplainerProvider } from '../../../renderer/views/topology/route/RouteExplainerProvider.js';
import { TopologySnapshotProvider } from '../../../renderer/views/topology/useTopologySnapshot.js';
import { requestRouteExplanation } from '../../../renderer/views/topology/route/route-request.js';
import { FakeClient } from './support/fakeClient.js';
import { renderWithStore } from './support/render.js';

afterEach(cleanup);

const x = (name: string, type: string, args: Record<string, unknown> = {}, internal = false) => ({ name, type, durable: true, autoDelete: false, internal, arguments: args, policy: null });
const q = (name: string) => ({ name, type: 'classic', durable: true, autoDelete: false, exclusive: false, arguments: {}, policy: null });
const b = (source: string, destination: string, routingKey: string, destinationType: 'queue' | 'exchange' = 'queue', args: Record<string, unknown> = {}) => ({
  source,
  destination,
  destinationType,
  routingKey,
  arguments: args,
  propertiesKey: routingKey,
});

const snapshot: TopologySnapshot = {
  vhost: 'shop',
  exchanges: [x('', 'direct'), x('orders', 'topic', { 'alternate-exchange': 'orders.unrouted' }), x('events', 'topic'), x('audit', 'fanout', {}, true), x('orders.unrouted', 'fanout'), x('reports', 'headers')],
  queues: [q('orders.paid'), q('orders.audit'), q('orders.unrouted'), q('reports.pdf')],
  bindings: [
    b('orders', 'orders.paid', 'order.paid.#'),
    b('orders', 'events', 'order.#', 'exchange'),
    b('events', 'audit', 'order.paid.*', 'exchange'),
    b('audit', 'orders.audit', ''),
    b('orders.unrouted', 'orders.unrouted', ''),
    b('reports', 'reports.pdf', '', 'queue', { 'x-match': 'all', format: 'pdf', type: 'report' }),
  ],
  policies: [],
  operatorPolicies: [],
  fetchedAt: 0,
};

let explainer: RouteExplainer;

function Harness({ topology = snapshot }: { topology?: TopologySnapshot }) {
  explainer = useRouteExplainer(topology);
  const { toolbar, panel, highlight } = explainer.extensions;
  return (
    <div>
      {toolbar}
      <div data-testid="highlight">{highlight ? [...highlight.nodes].join(' ') : 'none'}</div>
      {panel}
    </div>
  );
}

function setup(client = new FakeClient()) {
  renderWithStore(<Harness />, {}, client);
  return client;
}

function chooseExchange(name: string) {
  const input = screen.getByRole('combobox');
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: name } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

const typeKey = (key: string) => fireEvent.change(screen.getByLabelText('Routing key'), { target: { value: key } });

describe('route explainer panel', () => {
  it('opens with "r", focuses the exchange, and explains as you type: queues reached, hops, highlight', () => {
    setup();
    expect(screen.queryByRole('complementary')).toBeNull();
    act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'r' })));
    const panel = screen.getByRole('complementary', { name: 'Route explainer' });
    expect(document.activeElement).toBe(screen.getByRole('combobox'));

    chooseExchange('orders');
    typeKey('order.paid.eu');
    expect(screen.getByTestId('route-prediction').textContent).toBe('Routed');
    const reached = within(screen.getByRole('list', { name: 'Queues reached' }));
    expect(reached.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['orders.paid', 'orders.audit']);
    // Hop by hop: orders, then events through a binding, then the internal audit exchange.
    expect([...panel.querySelectorAll('.route-step__via')].map((p) => p.textContent)).toEqual([
      'Published to this exchange',
      'Reached through a binding from orders',
      'Reached through a binding from events',
    ]);
    expect(panel.textContent).toContain('A binding matched, so the alternate exchange is not used:');
    expect(screen.getByTestId('highlight').textContent).toContain(queueNodeId('orders.audit'));
  });

  it('says which binding was skipped and why, and shows the alternate exchange taken', () => {
    setup();
    act(() => explainer.open({ exchange: 'orders', routingKey: 'invoice.sent' }));
    expect(screen.getByTestId('route-prediction').textContent).toBe('Routed');
    expect(screen.getByText("routing key 'invoice.sent' does not match the pattern 'order.paid.#'")).toBeTruthy();
    expect(screen.getByText(/No binding matched: the message goes to the alternate exchange/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Queues reached' })).getByText('orders.unrouted')).toBeTruthy();
  });

  it('matches typed headers on a headers exchange, and refuses to send headers that do not parse', () => {
    setup();
    act(() => explainer.open({ exchange: 'reports', routingKey: '', headers: { format: 'pdf' } }));
    expect(screen.getByTestId('route-prediction').textContent).toBe('Returned');
    expect(screen.getByText("x-match all: 'type' missing")).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add header' }));
    fireEvent.change(screen.getByLabelText('Header 2 name'), { target: { value: 'type' } });
    fireEvent.change(screen.getByLabelText('Header 2 value'), { target: { value: 'report' } });
    expect(screen.getByTestId('route-prediction').textContent).toBe('Routed');

    fireEvent.change(screen.getByLabelText('Header 2 type'), { target: { value: 'number' } });
    expect(screen.getByRole('alert').textContent).toBe('type: not a number');
    expect((screen.getByRole('button', { name: 'Confirm with a real publish' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('confirms with a real publish and shows the broker beside the prediction; a changed form hides the stale answer', async () => {
    const client = new FakeClient();
    client.handle('route.confirm', (args) => ({ outcome: args.routingKey === 'order.paid.eu' ? 'routed' : 'returned', ...(args.routingKey === 'order.paid.eu' ? {} : { replyCode: 312, replyText: 'NO_ROUTE' }), messageId: 'm1' }));
    setup(client);
    act(() => explainer.open({ exchange: 'orders', routingKey: 'order.paid.eu', headers: { tenant: 'a' } }));
    expect(screen.getByText(/Publishes one real message to/).textContent).toContain('x-warren-route-probe');

    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Confirm with a real publish' })));
    expect(client.callsOf('route.confirm')).toEqual([{ vhost: 'shop', exchange: 'orders', routingKey: 'order.paid.eu', headers: { tenant: 'a' } }]);
    expect(screen.getByTestId('route-broker-outcome').textContent).toBe('Routed');
    expect(screen.getByRole('status').textContent).toContain('Agrees');

    typeKey('order.shipped');
    expect(screen.queryByTestId('route-broker-outcome')).toBeNull();
  });

  it('marks a broker outcome that disagrees with the prediction', async () => {
    const client = new FakeClient();
    client.handle('route.confirm', () => ({ outcome: 'returned', replyCode: 312, replyText: 'NO_ROUTE', messageId: 'm1' }));
    setup(client);
    act(() => explainer.open({ exchange: 'orders', routingKey: 'order.paid.eu' }));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Confirm with a real publish' })));
    expect(screen.getByRole('status').textContent).toContain('Disagrees');
    expect(screen.getByRole('status').textContent).toContain('312 NO_ROUTE');
  });

  it('closes with Escape, which clears the highlight and gives focus back to the toolbar button', () => {
    setup();
    act(() => explainer.open({ exchange: 'orders', routingKey: 'order.paid.eu' }));
    expect(screen.getByTestId('highlight').textContent).not.toBe('none');
    fireEvent.keyDown(screen.getByLabelText('Routing key'), { key: 'Escape' });
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(screen.getByTestId('highlight').textContent).toBe('none');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Explain route/ }));
  });

  it('opens prefilled with a message another view handed over (the workbench), in the Topology view\'s provider', async () => {
    function Graph() {
      const ext = useGraphExtensions();
      return <div>{ext.panel}</div>;
    }
    const client = new FakeClient({ 'topology.snapshot': () => snapshot });
    requestRouteExplanation({ exchange: 'orders', routingKey: 'invoice.sent', headers: { tenant: 'a' } });
    renderWithStore(
      <TopologySnapshotProvider vhost="shop">
        <RouteExplainerProvider vhost="shop">
          <Graph />
        </RouteExplainerProvider>
      </TopologySnapshotProvider>,
      {},
      client,
    );
    expect(((await screen.findByLabelText('Routing key')) as HTMLInputElement).value).toBe('invoice.sent');
    expect((screen.getByLabelText('Header 1 value') as HTMLInputElement).value).toBe('a');
    expect(await screen.findByText('No binding matched: the message goes to the alternate exchange', { exact: false })).toBeTruthy();
  });

  it('starts on an exchange of the snapshot once it loads, and starts afresh in another vhost', () => {
    const loading: TopologySnapshot = { ...snapshot, exchanges: [], queues: [], bindings: [] };
    const { rerender: rerenderRoot, store } = renderWithStore(<Harness topology={loading} />);
    const rerender = (ui: ReactNode) => rerenderRoot(<StoreProvider store={store}>{ui}</StoreProvider>);
    act(() => explainer.open());
    const input = () => screen.getByRole('combobox') as HTMLInputElement;
    expect(input().value).toBe('(AMQP default)');
    rerender(<Harness topology={snapshot} />);
    expect(input().value).toBe('orders');
    typeKey('order.paid.eu');
    rerender(<Harness topology={{ ...snapshot, vhost: 'other' }} />);
    expect((screen.getByLabelText('Routing key') as HTMLInputElement).value).toBe('');
  });

  it('an internal exchange is refused: no path, nothing lit', () => {
    setup();
    act(() => explainer.open({ exchange: 'audit', routingKey: '' }));
    expect(screen.getByTestId('route-prediction').textContent).toBe('Refused');
    expect(screen.getByText(/ACCESS_REFUSED - cannot publish to internal exchange 'audit'/)).toBeTruthy();
    expect(screen.getByText('Nothing is routed: the publish is refused before any exchange sees it.')).toBeTruthy();
    expect(screen.getByTestId('highlight').textContent).toBe('');
    expect(screen.queryByRole('list', { name: 'Queues reached' })).toBeNull();
  });

  it('a fanout to many queues lists the first bindings and offers the rest', () => {
    const many = Array.from({ length: 40 }, (_, i) => `fan.${String(i).padStart(2, '0')}`);
    const wide: TopologySnapshot = { ...snapshot, exchanges: [...snapshot.exchanges, x('broadcast', 'fanout')], queues: many.map(q), bindings: many.map((name) => b('broadcast', name, '')) };
    renderWithStore(<Harness topology={wide} />);
    act(() => explainer.open({ exchange: 'broadcast', routingKey: '' }));
    const bindings = () => screen.getByRole('list', { name: 'Bindings of broadcast' }).querySelectorAll('li').length;
    expect(bindings()).toBe(25);
    fireEvent.click(screen.getByRole('button', { name: 'Show 15 more bindings' }));
    expect(bindings()).toBe(40);
    expect(within(screen.getByRole('list', { name: 'Queues reached' })).getAllByRole('listitem')).toHaveLength(40);
  });

  it('the exchange picker filters by name and picks with the keyboard', () => {
    setup();
    act(() => explainer.open());
    const input = screen.getByRole('combobox');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'rep' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['reportsheaders']);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((input as HTMLInputElement).value).toBe('reports');
  });
});

describe('route form', () => {
  it('prefills from a message with typed or plain header values', () => {
    const draft = draftFromMessage({ exchange: 'x', routingKey: 'k', headers: { n: { type: 'I', value: 5 }, s: 'a', on: true, none: null, CC: ['a.b', 'c'] } });
    expect(draft.headers.map((h) => [h.key, h.type, h.value])).toEqual([
      ['n', 'number', '5'],
      ['s', 'string', 'a'],
      ['on', 'boolean', 'true'],
      ['none', 'void', ''],
      ['CC', 'list', 'a.b, c'],
    ]);
    expect(parseHeaders(draft.headers).headers).toEqual({ n: 5, s: 'a', on: true, none: null, CC: ['a.b', 'c'] });
  });
});
