import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import type { Change } from '../../../../shared/topology/change.js';
import { bindingEdgeId, exchangeNodeId, queueNodeId } from '../../../../shared/topology/ids.js';
import { type GraphExtensions } from '../../../../renderer/views/topology/graph-extensions.js';
import { useTopologyEditor } from '../../../../renderer/views/topology/edit/useTopologyEditor.js';
import { createConsoleStore } from '../../../../renderer/state/consoleStore.js';
import { StoreProvider } from '../../../../renderer/state/StoreProvider.js';
import { connectedClient, inventory, queue } from '../support/fakeClient.js';

afterEach(cleanup);

const vhost = 'shop / eu';
const snapshot: TopologySnapshot = {
  vhost,
  exchanges: [
    { name: 'orders.x', type: 'topic', durable: true, autoDelete: false, internal: false, arguments: {}, policy: null },
    { name: 'reports.h', type: 'headers', durable: true, autoDelete: false, internal: false, arguments: {}, policy: null },
  ],
  queues: [{ name: 'old', type: 'classic', durable: true, autoDelete: false, exclusive: false, arguments: {}, policy: null }],
  bindings: [{ source: 'orders.x', destination: 'old', destinationType: 'queue', routingKey: 'old.#', arguments: {}, propertiesKey: 'old.%23' }],
  policies: [],
  operatorPolicies: [],
  fetchedAt: 0,
};

let extensions: GraphExtensions = {};
let refreshes = 0;
const refreshSnapshot = () => {
  refreshes += 1;
};
function Harness() {
  extensions = useTopologyEditor(vhost, snapshot, refreshSnapshot);
  return (
    <>
      {extensions.toolbar}
      {extensions.panel}
    </>
  );
}

function setup() {
  const client = connectedClient(inventory({ queues: [queue('old', { vhost, total: 7, ready: 7 })] }));
  const store = createConsoleStore(client);
  const view = render(
    <StoreProvider store={store}>
      <Harness />
    </StoreProvider>,
  );
  act(() => store.dispatch({ type: 'snapshot/loaded', seq: 1, inventory: inventory({ queues: [queue('old', { vhost, total: 7, ready: 7 })] }) }));
  const remount = () => {
    view.unmount();
    render(
      <StoreProvider store={store}>
        <Harness />
      </StoreProvider>,
    );
  };
  return Object.assign(client, { remount });
}

const panel = () => screen.getByRole('region', { name: 'Pending changes' });

describe('graph editor', () => {
  it('creates a queue from the palette with typed arguments, binds it by a connect gesture, and undoes and redoes', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: /Queue/ }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'new queue ✓' } });
    fireEvent.change(screen.getByLabelText(/Message TTL/), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add queue' }));
    expect(screen.getByText('A whole number, 0 or more')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Message TTL/), { target: { value: '60000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add queue' }));
    expect(within(panel()).getByText('new queue ✓')).toBeTruthy();
    expect(within(panel()).getByText('x-message-ttl = 60000')).toBeTruthy();

    act(() => extensions.onConnect?.(exchangeNodeId('orders.x'), queueNodeId('new queue ✓')));
    fireEvent.change(screen.getByLabelText('Routing key'), { target: { value: 'order.*' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add binding' }));
    expect(within(panel()).getByText('orders.x → new queue ✓')).toBeTruthy();
    // Labelled as a real binding is.
    expect(extensions.overlay?.edges.map((e) => [e.label, e.change])).toEqual([['order.*', 'add']]);
    expect(extensions.overlay?.nodes.map((n) => n.name)).toEqual(['new queue ✓']);

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(within(panel()).queryByText('orders.x → new queue ✓')).toBeNull();
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(within(panel()).queryByText('new queue ✓')).toBeNull();
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true, shiftKey: true });
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(within(panel()).getByText('orders.x → new queue ✓')).toBeTruthy();
  });

  it('says what a deletion destroys, and shows a refusal next to its change with what was applied', async () => {
    const client = setup();
    let sent: Change[] = [];
    client.handle('topology.apply', ({ changes }) => {
      sent = changes as Change[];
      return { ok: false, outcomes: [{ index: 0, status: 'applied' }, { index: 1, status: 'failed', error: 'inequivalent arg (HTTP 400)' }] };
    });
    fireEvent.click(screen.getByRole('button', { name: /Exchange/ }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'audit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add exchange' }));
    act(() => extensions.onDeleteSelection?.({ nodes: [queueNodeId('old')], edges: [] }));
    expect(within(panel()).getByText(/Destroys 7 messages/)).toBeTruthy();

    const refreshesBefore = refreshes;
    fireEvent.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    // Destroying messages asks first.
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Apply destructive changes?' })).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText(/inequivalent arg \(HTTP 400\)/)).toBeTruthy();
    expect(sent.map((c) => c.kind)).toEqual(['declareExchange', 'deleteQueue']);
    // What was applied is read back from the broker.
    expect(refreshes).toBe(refreshesBefore + 1);
    expect(screen.getByText('Stopped at a refused change')).toBeTruthy();
    expect(screen.getByText('Added exchange audit')).toBeTruthy();
    // The applied line left the set; the refused one stays, to fix or drop.
    const lines = panel().querySelectorAll('.pending-row__name');
    expect([...lines].map((l) => l.textContent)).toEqual(['old']);
  });

  it('edits an existing queue as a change that recreates it, warning that its messages go', () => {
    setup();
    act(() => extensions.onSelectionChange?.({ nodes: [queueNodeId('old')], edges: [] }));
    fireEvent.click(screen.getByRole('button', { name: 'Edit queue old' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit queue old' });
    expect(within(dialog).getByRole('note').textContent).toMatch(/cannot change a queue in place.*7 messages will be lost/);
    fireEvent.click(within(dialog).getByRole('switch', { name: 'Durable' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add change' }));
    const row = panel().querySelector('.pending-row--changed') as HTMLElement;
    expect(row.textContent).toContain('durable: true → false');
    expect(row.textContent).toContain('Destroys 7 messages');
    expect(row.textContent).toMatch(/deleted and declared again, with its 1 binding/);
    // The graph marks the queue as changed.
    expect(extensions.overlay?.nodes).toEqual([{ id: queueNodeId('old'), kind: 'queue', name: 'old', change: 'change' }]);
  });

  it('binds to a headers exchange with x-match and typed headers instead of a routing key', () => {
    setup();
    act(() => extensions.onConnect?.(exchangeNodeId('reports.h'), queueNodeId('old')));
    const dialog = screen.getByRole('dialog', { name: 'New binding' });
    expect(within(dialog).queryByLabelText('Routing key')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText(/Match/), { target: { value: 'any' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /Add argument/ }));
    fireEvent.change(within(dialog).getByLabelText('Argument name'), { target: { value: 'format' } });
    fireEvent.change(within(dialog).getByLabelText('Value'), { target: { value: 'pdf' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add binding' }));
    expect(panel().textContent).toContain('x-match = "any"');
    expect(panel().textContent).toContain('format = "pdf"');
    // The pending edge reads like a real headers binding.
    expect(extensions.overlay?.edges.map((e) => e.label)).toEqual(['any: format=pdf']);
  });

  it('removes a binding the broker has when its edge is deleted, and keeps the pending set when the view comes back', () => {
    const { remount } = setup();
    const edge = bindingEdgeId({ source: 'orders.x', destination: 'old', destinationType: 'queue', routingKey: 'old.#', arguments: {} });
    act(() => extensions.onDeleteSelection?.({ nodes: [], edges: [edge] }));
    expect(panel().querySelector('.pending-row--removed')?.textContent).toContain('orders.x → old');
    expect(extensions.overlay?.edges).toEqual([expect.objectContaining({ id: edge, change: 'remove' })]);
    remount();
    expect(panel().querySelector('.pending-row--removed')?.textContent).toContain('orders.x → old');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(panel().querySelectorAll('.pending-row')).toHaveLength(0);
  });

  it('binds without a mouse: + Binding asks for both ends, offering pending exchanges and queues too', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: /Queue/ }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'fresh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add queue' }));
    fireEvent.click(screen.getByRole('button', { name: /Binding/ }));
    const dialog = screen.getByRole('dialog', { name: 'New binding' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add binding' }));
    expect(within(dialog).getByText('Choose an exchange')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('From exchange'), { target: { value: 'orders.x' } });
    fireEvent.change(within(dialog).getByLabelText('To'), { target: { value: 'q:fresh' } });
    fireEvent.change(within(dialog).getByLabelText('Routing key'), { target: { value: 'a.#' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add binding' }));
    expect(panel().textContent).toContain('orders.x → fresh');
    expect(panel().textContent).toContain('routing key "a.#"');
  });

  it('edits a pending queue in place: its name stays, its line is updated', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: /Queue/ }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'draft' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add queue' }));
    act(() => extensions.onSelectionChange?.({ nodes: [queueNodeId('draft')], edges: [] }));
    fireEvent.click(screen.getByRole('button', { name: 'Edit queue draft' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit new queue draft' });
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).readOnly).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/Max length$|x-max-length$/), { target: { value: '10' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Update queue' }));
    const rows = panel().querySelectorAll('.pending-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('x-max-length = 10');
  });
});
