import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/App.js';
import { createConsoleStore } from '../../../renderer/state/consoleStore.js';
import { connectedClient, inventory, profile, queue, session } from './support/fakeClient.js';
import { fakeViewport } from './support/render.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.location.hash = '';
});

describe('disconnected state', () => {
  it('keeps the last data, dimmed, under a banner with the error and a working Retry', async () => {
    const restore = fakeViewport();
    window.location.hash = '#/queues';
    const client = connectedClient(inventory({ queues: [queue('orders', { ready: 5 })] }));
    const store = createConsoleStore(client);
    render(<App store={store} />);
    expect(await screen.findByText('orders')).toBeTruthy();

    act(() => client.emit('session.state', session({ status: 'disconnected', error: 'Connection refused at localhost:5672', retryAt: Date.now() + 5_000 })));

    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('Disconnected from Local RabbitMQ:');
    expect(banner.textContent).toContain('Connection refused at localhost:5672');
    expect(banner.textContent).toMatch(/retrying in [45]s/);
    expect(screen.getByText('orders')).toBeTruthy();
    expect(document.querySelector('.content')?.classList.contains('is-stale')).toBe(true);

    fireEvent.click(screen.getAllByRole('button', { name: /Retry/ })[0]!);
    expect(client.callsOf('session.retry')).toHaveLength(1);

    act(() => client.emit('session.state', session()));
    expect(screen.queryByText(/Disconnected from/)).toBeNull();
    expect(document.querySelector('.content')?.classList.contains('is-stale')).toBe(false);
    restore();
  });

  it('offers to add a broker when there are no profiles', async () => {
    const client = connectedClient(inventory(), session({ status: 'idle', profileId: null }), []);
    render(<App store={createConsoleStore(client)} />);
    expect(await screen.findByRole('heading', { name: 'Add a broker' })).toBeTruthy();
    expect((screen.getByLabelText('AMQP URI') as HTMLInputElement).value).toBe('amqp://localhost:5672');
  });

  it('tells the backend whether the page is seen, at once and on each change, and never polls', async () => {
    const client = connectedClient(inventory({ queues: [queue('a')] }), session(), [profile()]);
    render(<App store={createConsoleStore(client)} />);
    await screen.findByText('Overview', { selector: 'h1' });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    // The first report is the page's state on load: a reloaded page follows one whose unload said hidden.
    expect(client.callsOf('sampler.configure')).toEqual([{ hidden: false }, { hidden: true }]);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    const methods = new Set(client.calls.map((c) => c.method));
    expect([...methods].sort()).toEqual(['alerts.list', 'inventory.snapshot', 'profiles.list', 'sampler.configure', 'session.state']);
  });
});

describe('link to the backend', () => {
  it('says when the backend itself is unreachable, and dims the data', async () => {
    const restore = fakeViewport();
    window.location.hash = '#/queues';
    const store = createConsoleStore(connectedClient(inventory({ queues: [queue('orders')] })));
    render(<App store={store} />);
    await screen.findByText('orders');
    act(() => store.dispatch({ type: 'backend/reachability', reachable: false }));
    expect(screen.getByRole('alert').textContent).toContain('Lost the link to Warren’s backend');
    expect(screen.getByText('Warren backend unreachable · reconnecting…')).toBeTruthy();
    expect(document.querySelector('.content')?.classList.contains('is-stale')).toBe(true);
    act(() => store.dispatch({ type: 'backend/reachability', reachable: true }));
    expect(screen.queryByRole('alert')).toBeNull();
    restore();
  });
});
