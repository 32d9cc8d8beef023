import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertRule, AlertState } from '../../../../shared/model/alerts.js';
import { rowKey } from '../../../../shared/model/inventory.js';
import { AlertBadge, FiringQueuesContext } from '../../../../renderer/alerts/AlertBadge.js';
import { AlertsSection, validateDraft } from '../../../../renderer/alerts/AlertsSection.js';
import { FiringAlerts } from '../../../../renderer/alerts/FiringAlerts.js';
import { useAlertNotifications } from '../../../../renderer/alerts/notify.js';
import { QueuesView } from '../../../../renderer/views/QueuesView.js';
import { FakeClient, inventory, queue, session } from '../support/fakeClient.js';
import { fakeViewport, renderWithStore } from '../support/render.js';

afterEach(cleanup);

const rule = (overrides: Partial<AlertRule> = {}): AlertRule => ({
  id: 'r1',
  vhost: '/',
  queue: 'orders',
  condition: { kind: 'readyAbove', threshold: 1000, forSeconds: 60 },
  enabled: true,
  ...overrides,
});
const firing = (ruleId: string, text = 'ready 1,200 > 1,000 for 60 s'): AlertState => ({ ruleId, firing: true, since: Date.now() - 60_000, text });

/** A client whose alerts.save keeps what it is given and answers with every rule quiet. */
function alertsClient(rules: AlertRule[] = [], states: AlertState[] = []): FakeClient {
  const client = new FakeClient();
  let stored = rules;
  client.handle('alerts.list', () => ({ rules: stored, states }));
  client.handle('alerts.save', ({ rules: next }) => {
    stored = next;
    return { rules: next, states: next.map((r) => ({ ruleId: r.id, firing: false, since: null, text: 'ready 0' })) };
  });
  return client;
}

const connected = { session: session({ profileId: 'p1' }) };

describe('alert rule form', () => {
  it('validates the fields: whole numbers, at most 7 days', () => {
    const base = { id: null, kind: 'readyAbove', threshold: '3', duration: '0', unit: 's', enabled: true } as const;
    expect(validateDraft(base)).toEqual({ condition: { kind: 'readyAbove', threshold: 3, forSeconds: 0 } });
    expect(validateDraft({ ...base, duration: '5', unit: 'min' })).toEqual({ condition: { kind: 'readyAbove', threshold: 3, forSeconds: 300 } });
    expect(validateDraft({ ...base, threshold: '-1' })).toMatchObject({ errors: { threshold: expect.any(String) } });
    expect(validateDraft({ ...base, threshold: '1.5' })).toMatchObject({ errors: { threshold: expect.any(String) } });
    expect(validateDraft({ ...base, duration: '' })).toMatchObject({ errors: { duration: expect.any(String) } });
    expect(validateDraft({ ...base, duration: '8', unit: 'h' })).toEqual({ condition: { kind: 'readyAbove', threshold: 3, forSeconds: 28_800 } });
    expect(validateDraft({ ...base, duration: '169', unit: 'h' })).toMatchObject({ errors: { duration: 'At most 7 days.' } });
    // The threshold does not matter for the other kinds.
    expect(validateDraft({ ...base, kind: 'noConsumers', threshold: 'x', duration: '2', unit: 'min' })).toEqual({ condition: { kind: 'noConsumers', forSeconds: 120 } });
  });

  it('shows errors and does not save an invalid rule', async () => {
    const client = alertsClient();
    renderWithStore(<AlertsSection vhost="/" queue="orders" />, connected, client);
    fireEvent.click(await screen.findByRole('button', { name: 'Add alert rule' }));
    const form = screen.getByRole('form', { name: 'New alert rule' });
    fireEvent.change(within(form).getByLabelText(/Threshold/), { target: { value: 'lots' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(within(form).getByText(/Threshold: A whole number/)).toBeTruthy();
    expect(client.callsOf('alerts.save')).toEqual([]);
  });

  it('adds a rule for this queue, keeping the other queues’ rules', async () => {
    const other = rule({ id: 'other', queue: 'billing' });
    const client = alertsClient([other]);
    renderWithStore(<AlertsSection vhost="/" queue="orders" />, connected, client);
    fireEvent.click(await screen.findByRole('button', { name: 'Add alert rule' }));
    const form = screen.getByRole('form', { name: 'New alert rule' });
    fireEvent.change(within(form).getByLabelText(/Threshold/), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText(/For/), { target: { value: '2' } });
    fireEvent.change(within(form).getByLabelText('Unit'), { target: { value: 'min' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(client.callsOf('alerts.save')).toHaveLength(1));
    const saved = (client.callsOf('alerts.save')[0] as { rules: AlertRule[] }).rules;
    expect(saved[0]).toEqual(other);
    expect(saved[1]).toMatchObject({ vhost: '/', queue: 'orders', condition: { kind: 'readyAbove', threshold: 3, forSeconds: 120 }, enabled: true });
    expect(await screen.findByText('Ready above 3 for 2 min')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('edits and removes a rule', async () => {
    const client = alertsClient([rule()]);
    renderWithStore(<AlertsSection vhost="/" queue="orders" />, connected, client);
    expect(await screen.findByText('Ready above 1,000 for 1 min')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit alert rule' });
    fireEvent.change(within(form).getByRole('combobox', { name: /When/ }), { target: { value: 'noConsumers' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(screen.getByText('No consumers for 1 min')).toBeTruthy());
    expect((client.callsOf('alerts.save')[0] as { rules: AlertRule[] }).rules).toEqual([rule({ condition: { kind: 'noConsumers', forSeconds: 60 } })]);
    fireEvent.click(screen.getByRole('button', { name: /Remove rule/ }));
    await waitFor(() => expect(screen.getByText('No alert rules on this queue.')).toBeTruthy());
    expect(client.callsOf('alerts.save')[1]).toEqual({ rules: [] });
  });
});

describe('alert badge', () => {
  it('shows only on queues in the firing set', () => {
    renderWithStore(
      <FiringQueuesContext.Provider value={new Set([rowKey('/', 'orders')])}>
        <AlertBadge queueKey={rowKey('/', 'orders')} />
        <AlertBadge queueKey={rowKey('/', 'billing')} />
      </FiringQueuesContext.Provider>,
    );
    expect(screen.getAllByLabelText('Alert firing')).toHaveLength(1);
  });

  it('appears in the Queues table when alerts.changed says a rule fires', async () => {
    const restore = fakeViewport();
    try {
      const client = alertsClient([rule()]);
      renderWithStore(<QueuesView />, { ...connected, inventory: inventory({ queues: [queue('orders'), queue('billing')] }) }, client);
      await screen.findByText('billing');
      expect(screen.queryByLabelText('Alert firing')).toBeNull();
      await waitFor(() => expect(client.callsOf('alerts.list')).toHaveLength(1));
      act(() => client.emit('alerts.changed', { profileId: 'p1', states: [firing('r1')] }));
      const badge = await screen.findByLabelText('Alert firing');
      expect(badge.closest('[role="row"]')?.textContent).toContain('orders');
      // Another profile's event is not ours.
      act(() => client.emit('alerts.changed', { profileId: 'p2', states: [] }));
      expect(screen.getByLabelText('Alert firing')).toBeTruthy();
    } finally {
      restore();
    }
  });
});

describe('firing alerts list', () => {
  it('lists firing rules with links to their queues', async () => {
    const client = alertsClient(
      [rule(), rule({ id: 'r2', queue: 'billing', vhost: 'prod', condition: { kind: 'noConsumers', forSeconds: 30 } }), rule({ id: 'r3', queue: 'quiet' })],
      [firing('r1'), firing('r2', 'no consumers for 30 s'), { ruleId: 'r3', firing: false, since: null, text: 'ready 0' }],
    );
    renderWithStore(<FiringAlerts />, connected, client);
    const panel = await screen.findByRole('region', { name: 'Firing alerts' });
    expect(within(panel).getByText('2 firing')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'orders' }).getAttribute('href')).toBe('#/queues/%2F/orders');
    expect(within(panel).getByRole('link', { name: 'billing' }).getAttribute('href')).toBe('#/queues/prod/billing');
    expect(within(panel).getByText('No consumers for 30 s')).toBeTruthy();
    expect(within(panel).queryByText('quiet')).toBeNull();
    act(() => client.emit('alerts.changed', { profileId: 'p1', states: [] }));
    expect(await within(panel).findByText('None of the 3 rules fires.')).toBeTruthy();
  });

  it('never asks for notification permission until the toggle is turned on', async () => {
    let asked = 0;
    class FakeNotification {
      static permission = 'default';
      static requestPermission = async () => {
        asked += 1;
        return 'granted';
      };
    }
    const saved = globalThis.Notification;
    (globalThis as { Notification: unknown }).Notification = FakeNotification;
    localStorage.removeItem('warren.alerts.notify');
    try {
      renderWithStore(<FiringAlerts />, connected, alertsClient([rule()]));
      const toggle = await screen.findByRole('switch', { name: 'Desktop notifications' });
      expect(asked).toBe(0);
      fireEvent.click(toggle);
      await waitFor(() => expect(asked).toBe(1));
      await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
    } finally {
      (globalThis as { Notification: unknown }).Notification = saved;
      localStorage.removeItem('warren.alerts.notify');
    }
  });
});

describe('desktop notifications', () => {
  function Notifier() {
    useAlertNotifications();
    return null;
  }

  it('notifies a rule as it starts firing, only once opted in, not for what fired on load', async () => {
    const shown: { title: string; body: string | undefined }[] = [];
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
    }
    const saved = globalThis.Notification;
    (globalThis as { Notification: unknown }).Notification = FakeNotification;
    try {
      const client = alertsClient([rule(), rule({ id: 'r2', queue: 'billing' })], [firing('r2')]);
      renderWithStore(<Notifier />, connected, client);
      await waitFor(() => expect(client.callsOf('alerts.list')).toHaveLength(1));
      localStorage.removeItem('warren.alerts.notify');
      act(() => client.emit('alerts.changed', { profileId: 'p1', states: [firing('r1'), firing('r2')] }));
      expect(shown).toEqual([]);
      act(() => client.emit('alerts.changed', { profileId: 'p1', states: [] }));
      localStorage.setItem('warren.alerts.notify', 'on');
      act(() => client.emit('alerts.changed', { profileId: 'p1', states: [firing('r1', 'ready 5 > 3 for 0 s')] }));
      expect(shown).toEqual([{ title: 'Alert: orders', body: 'ready 5 > 3 for 0 s (vhost /)' }]);
    } finally {
      (globalThis as { Notification: unknown }).Notification = saved;
      localStorage.removeItem('warren.alerts.notify');
    }
  });
});

describe('one alerts feed for the whole page', () => {
  it('reads the rules once for every component that shows them, and updates them all from one event', async () => {
    const client = alertsClient([rule(), rule({ id: 'r2', queue: 'billing' })]);
    const { store } = renderWithStore(
      <>
        <FiringAlerts />
        <AlertsSection vhost="/" queue="orders" />
        <AlertsSection vhost="/" queue="billing" />
      </>,
      connected,
      client,
    );
    await screen.findAllByRole('button', { name: 'Add alert rule' });
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Add alert rule' }).every((b) => !(b as HTMLButtonElement).disabled)).toBe(true));
    expect(client.callsOf('alerts.list')).toHaveLength(1);

    act(() => client.emit('alerts.changed', { profileId: 'p1', states: [firing('r1'), firing('r2')] }));
    expect(screen.getAllByText('Firing', { exact: true })).toHaveLength(2);
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(expect.arrayContaining(['billing', 'orders']));
    expect(client.callsOf('alerts.list')).toHaveLength(1);

    // Another profile: read once more, and nothing of the first one's is shown.
    act(() => store.dispatch({ type: 'session/changed', session: session({ profileId: 'p2' }) }));
    await waitFor(() => expect(client.callsOf('alerts.list')).toHaveLength(2));
  });
});
