import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/App.js';
import { createConsoleStore } from '../../../renderer/state/consoleStore.js';
import { connectedClient, inventory, queue } from './support/fakeClient.js';
import { fakeViewport } from './support/render.js';

let restoreViewport: () => void;
beforeEach(() => {
  restoreViewport = fakeViewport();
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  restoreViewport();
  window.location.hash = '';
});

const press = (key: string, init: KeyboardEventInit = {}) => act(() => void fireEvent.keyDown(window, { key, ...init }));
const hashChange = () => act(() => void window.dispatchEvent(new HashChangeEvent('hashchange')));

describe('keyboard navigation', () => {
  it('switches views with "g <key>" and Ctrl+<n>, and "/" focuses the filter', async () => {
    render(<App store={createConsoleStore(connectedClient(inventory({ queues: [queue('orders')] })))} />);
    await screen.findByRole('heading', { name: 'Overview' });

    press('g');
    press('q');
    hashChange();
    expect(window.location.hash).toBe('#/queues');
    expect(await screen.findByRole('heading', { name: 'Queues' })).toBeTruthy();

    press('/');
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));

    act(() => (document.activeElement as HTMLElement).blur());
    press('3', { ctrlKey: true });
    hashChange();
    expect(window.location.hash).toBe('#/exchanges');
  });

  it('ignores shortcuts while typing in a field', async () => {
    window.location.hash = '#/queues';
    render(<App store={createConsoleStore(connectedClient(inventory({ queues: [queue('orders')] })))} />);
    const box = await screen.findByRole('searchbox');
    box.focus();
    fireEvent.keyDown(box, { key: 'g' });
    fireEvent.keyDown(box, { key: 'o' });
    expect(window.location.hash).toBe('#/queues');
  });
});

describe('view memory', () => {
  it('keeps a view’s filter and sort when the user leaves and comes back', async () => {
    window.location.hash = '#/queues';
    render(<App store={createConsoleStore(connectedClient(inventory({ queues: [queue('orders'), queue('emails')] })))} />);
    fireEvent.change(await screen.findByRole('searchbox'), { target: { value: 'ord' } });
    fireEvent.click(screen.getByRole('button', { name: /Ready/ }));
    window.location.hash = '#/exchanges';
    hashChange();
    await screen.findByRole('heading', { name: 'Exchanges' });
    window.location.hash = '#/queues';
    hashChange();
    expect(((await screen.findByRole('searchbox')) as HTMLInputElement).value).toBe('ord');
    expect(screen.getByRole('columnheader', { name: /Ready/ }).getAttribute('aria-sort')).toBe('descending');
  });
});
