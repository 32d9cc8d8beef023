import { act, cleanup, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '../../../renderer/shell/Sidebar.js';
import { inventory, profile, queue, session } from './support/fakeClient.js';
import { renderWithStore } from './support/render.js';

// The switcher shows the session's status, so it does re-render with it; only the sidebar's own renders are counted here.
vi.mock('../../../renderer/shell/ProfileSwitcher.js', () => ({ ProfileSwitcher: () => null }));

afterEach(cleanup);

describe('Sidebar', () => {
  it('re-renders only when what it shows changes, not on every session.state', () => {
    const onRender = vi.fn();
    const { store } = renderWithStore(
      <Profiler id="sidebar" onRender={onRender}>
        <Sidebar route="overview" navigate={vi.fn()} />
      </Profiler>,
      { profiles: [profile()], session: session({ lastSampleAt: 1000 }), inventory: inventory({ queues: [queue('orders')] }) },
    );
    expect(screen.getByRole('link', { name: 'Queues' }).textContent).toContain('1');
    const rendersAtStart = onRender.mock.calls.length;

    // What the backend pushes every 2 s: a new sample time, and the same rows.
    act(() => store.dispatch({ type: 'session/changed', session: session({ lastSampleAt: 3000 }) }));
    act(() => store.dispatch({ type: 'snapshot/loaded', seq: 2, inventory: inventory({ queues: [queue('orders', { ready: 5 })] }) }));
    act(() => store.dispatch({ type: 'backend/reachability', reachable: false }));
    expect(onRender.mock.calls.length).toBe(rendersAtStart);

    act(() => store.dispatch({ type: 'snapshot/loaded', seq: 3, inventory: inventory({ queues: [queue('orders'), queue('billing')] }) }));
    expect(onRender.mock.calls.length).toBe(rendersAtStart + 1);
    expect(screen.getByRole('link', { name: 'Queues' }).textContent).toContain('2');
  });
});
