import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPARE_MEMORY_KEY } from '../../../renderer/views/compare/CompareView.js';
import { QueuesView } from '../../../renderer/views/QueuesView.js';
import { inventory, queue } from './support/fakeClient.js';
import { fakeViewport, renderWithStore } from './support/render.js';

const manyQueues = (n: number) =>
  Array.from({ length: n }, (_, i) => queue(`q-${String(i).padStart(5, '0')}`, { ready: i % 97, total: i % 97, vhost: i % 2 ? 'shop' : '/' }));

/** The name's cell: after the tick box and the vhost. */
const NAME = 2;
const bodyRows = () => screen.getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');

let restoreViewport: () => void;
beforeEach(() => {
  restoreViewport = fakeViewport();
});
afterEach(() => {
  cleanup();
  restoreViewport();
});

describe('QueuesView', () => {
  it('renders only a window of 10,000 rows, and counts them all', () => {
    renderWithStore(<QueuesView />, { inventory: inventory({ queues: manyQueues(10_000) }) });
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(80);
    expect(screen.getByRole('grid', { name: 'Queues' }).getAttribute('aria-rowcount')).toBe('10001');
    expect(screen.getByText('10,000 queues')).toBeTruthy();
  });

  it('scrolls by reusing row elements for the rows that come into view', () => {
    renderWithStore(<QueuesView />, { inventory: inventory({ queues: manyQueues(10_000) }) });
    const grid = screen.getByRole('grid');
    const scrollTo = (top: number) =>
      act(() => {
        grid.scrollTop = top;
        fireEvent.scroll(grid);
      });
    // Away from the top, where the window is not cut short.
    scrollTo(28 * 100);
    const before = new Set(bodyRows());
    scrollTo(28 * 105);
    const rows = bodyRows();
    // Five rows scrolled out and five in: the newcomers live in the leavers' elements.
    expect(rows.every((row) => before.has(row))).toBe(true);
    const shown = rows.map((row) => Number(row.getAttribute('aria-rowindex'))).sort((a, b) => a - b);
    expect(new Set(shown).size).toBe(rows.length);
    for (const row of rows) {
      const index = Number(row.getAttribute('aria-rowindex')) - 2;
      expect(within(row).getAllByRole('gridcell')[NAME]!.textContent).toBe(`q-${String(index).padStart(5, '0')}`);
    }
    expect(Math.min(...shown) - 2).toBeGreaterThan(100 - 8);
  });

  it('shows counts right-aligned, formatted, and argument badges with their values', () => {
    const q = queue('orders', { ready: 1234, total: 1240, unacked: 6, publishRate: 12.46, badges: ['DLX', 'TTL'], arguments: { 'x-dead-letter-exchange': 'dlx', 'x-message-ttl': 60000 } });
    renderWithStore(<QueuesView />, { inventory: inventory({ queues: [q] }) });
    const row = bodyRows()[0]!;
    const ready = within(row).getByText('1,234');
    expect(ready.closest('[role="gridcell"]')?.className).toContain('align-right');
    expect(within(row).getByText('12.5/s')).toBeTruthy();
    expect(within(row).getByText('DLX').getAttribute('title')).toBe('Dead-letter exchange — x-dead-letter-exchange: dlx');
    expect(within(row).getByText('TTL').getAttribute('title')).toBe('Message TTL — x-message-ttl: 60000');
  });

  it('filters by substring and says how many match', () => {
    renderWithStore(<QueuesView />, { inventory: inventory({ queues: [queue('orders.created'), queue('orders.paid'), queue('emails')] }) });
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'ORDERS' } });
    expect(bodyRows().map((r) => within(r).getAllByRole('gridcell')[NAME]!.textContent)).toEqual(['orders.created', 'orders.paid']);
    expect(screen.getByText('2 of 3 queues')).toBeTruthy();
  });

  it('filters by regex, and shows an invalid regex inline without losing the rows', () => {
    renderWithStore(<QueuesView />, { inventory: inventory({ queues: [queue('orders.created'), queue('orders.paid'), queue('emails')] }) });
    fireEvent.click(screen.getByRole('button', { name: '.*' }));
    const box = screen.getByRole('searchbox');
    fireEvent.change(box, { target: { value: '^orders\\.(paid|shipped)$' } });
    expect(bodyRows()).toHaveLength(1);
    expect(screen.getByText('1 of 3 queues')).toBeTruthy();

    fireEvent.change(box, { target: { value: 'orders.(' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^Invalid regex/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(bodyRows()).toHaveLength(3);
  });

  it('narrows to the selected vhost and names it when empty', () => {
    const { store } = renderWithStore(<QueuesView />, { inventory: inventory({ queues: [queue('a'), queue('b', { vhost: 'shop' })] }) });
    act(() => store.dispatch({ type: 'vhost/selected', vhost: 'shop' }));
    expect(bodyRows()).toHaveLength(1);
    act(() => store.dispatch({ type: 'vhost/selected', vhost: 'empty' }));
    expect(screen.getByText('No queues in vhost empty')).toBeTruthy();
  });

  it('sorts by a column when its header is clicked', () => {
    renderWithStore(<QueuesView />, { inventory: inventory({ queues: [queue('a', { ready: 1 }), queue('b', { ready: 30 }), queue('c', { ready: 2 })] }) });
    fireEvent.click(screen.getByRole('button', { name: /Ready/ }));
    expect(bodyRows().map((r) => within(r).getAllByRole('gridcell')[NAME]!.textContent)).toEqual(['b', 'c', 'a']);
    expect(screen.getByRole('columnheader', { name: /Ready/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('moves the selection with the arrow keys and keeps it across live updates', () => {
    const { store } = renderWithStore(<QueuesView />, { inventory: inventory({ queues: [queue('a'), queue('b'), queue('c')] }) });
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    const selected = () => bodyRows().find((r) => r.getAttribute('aria-selected') === 'true');
    expect(within(selected()!).getAllByRole('gridcell')[NAME]!.textContent).toBe('b');
    act(() =>
      store.dispatch({ type: 'delta/received', delta: { seq: 2, full: false, at: 0, queues: { upsert: [queue('b', { ready: 5 }), queue('0-new')], remove: [] } } }),
    );
    expect(within(selected()!).getAllByRole('gridcell')[NAME]!.textContent).toBe('b');
    expect(within(selected()!).getByText('5')).toBeTruthy();
  });

  it('shows the selected queue’s arguments with their values, and closes the details', () => {
    const q = queue('orders', { badges: ['DLX', 'D'], arguments: { 'x-dead-letter-exchange': 'dlx', 'x-max-length': 1000 }, policy: 'ha-all' });
    renderWithStore(<QueuesView />, { inventory: inventory({ queues: [q, queue('emails')] }) });
    fireEvent.click(screen.getByText('orders'));
    const details = screen.getByRole('region', { name: 'Queue orders' });
    expect(within(details).getByText('x-dead-letter-exchange').nextElementSibling?.textContent).toBe('dlx');
    expect(within(details).getByText('x-max-length').nextElementSibling?.textContent).toBe('1000');
    expect(within(details).getByText('ha-all')).toBeTruthy();
    fireEvent.click(within(details).getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('region', { name: 'Queue orders' })).toBeNull();
  });

  it('opens the queue page on Enter or double-click, and links to it from the details', () => {
    renderWithStore(<QueuesView />, { inventory: inventory({ queues: [queue('a b/c', { vhost: '/' })] }) });
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(window.location.hash).toBe('#/queues/%2F/a%20b%2Fc');
    window.location.hash = '';
    fireEvent.doubleClick(bodyRows()[0]!);
    expect(window.location.hash).toBe('#/queues/%2F/a%20b%2Fc');
    expect(screen.getByRole('link', { name: 'Open queue page' }).getAttribute('href')).toBe('#/queues/%2F/a%20b%2Fc');
    window.location.hash = '';
  });

  it('ticks queues by box or Space and opens the compare view with them', () => {
    const { store } = renderWithStore(<QueuesView />, { inventory: inventory({ queues: [queue('a'), queue('b', { vhost: 'shop' }), queue('c')] }) });
    expect(screen.queryByRole('button', { name: /^Compare/ })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tick queue a (vhost /)' }));
    expect(screen.getByText('1 ticked')).toBeTruthy();
    const compare = screen.getByRole('button', { name: 'Compare 1' }) as HTMLButtonElement;
    expect(compare.disabled).toBe(true);
    expect(compare.title).toBe('Tick at least 2 queues to compare');
    // Ticking does not select the row, so no details open under the table.
    expect(bodyRows().some((r) => r.getAttribute('aria-selected') === 'true')).toBe(false);

    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: ' ' });
    expect((screen.getByRole('checkbox', { name: 'Tick queue b (vhost shop)' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Tick every queue shown' }) as HTMLInputElement).indeterminate).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Compare 2' }));
    expect(window.location.hash).toBe('#/compare');
    expect(store.memory.get(COMPARE_MEMORY_KEY)).toEqual(['/\u0000a', 'shop\u0000b']);
    window.location.hash = '';

    fireEvent.keyDown(grid, { key: ' ' });
    expect(screen.getByText('1 ticked')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryByText(/ticked/)).toBeNull();
  });

  it('ticks every queue the filter shows from the header box, and unticks them again', () => {
    renderWithStore(<QueuesView />, { inventory: inventory({ queues: [queue('orders.created'), queue('orders.paid'), queue('emails')] }) });
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'orders' } });
    const all = screen.getByRole('checkbox', { name: 'Tick every queue shown' }) as HTMLInputElement;
    fireEvent.click(all);
    expect(all.checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Compare 2' })).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '' } });
    expect((screen.getByRole('checkbox', { name: 'Tick queue emails (vhost /)' }) as HTMLInputElement).checked).toBe(false);
    expect(all.indeterminate).toBe(true);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'orders' } });
    fireEvent.click(all);
    expect(screen.queryByText(/ticked/)).toBeNull();
  });
});
