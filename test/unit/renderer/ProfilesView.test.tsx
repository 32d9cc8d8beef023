import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProfilesView } from '../../../renderer/profiles/ProfilesView.js';
import { FakeClient, profile, session } from './support/fakeClient.js';
import { renderWithStore } from './support/render.js';

afterEach(cleanup);

const two = [profile(), profile({ id: 'p2', name: 'Staging', amqpUri: 'amqps://mq.staging:5671/shop' })];

describe('ProfilesView', () => {
  it('removes a profile only after confirmation', async () => {
    const client = new FakeClient({ 'profiles.remove': () => ({ removed: true }) });
    const { store } = renderWithStore(<ProfilesView onConnected={vi.fn()} />, { profiles: two, session: session({ profileId: 'p2' }) }, client);
    expect(screen.getByRole('heading', { name: 'Staging' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(dialog.textContent).toContain('Remove Staging?');
    expect(client.callsOf('profiles.remove')).toEqual([]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(client.callsOf('profiles.remove')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    fireEvent.click(within(screen.getByRole('dialog', { hidden: true })).getByRole('button', { name: 'Remove', hidden: true }));
    await waitFor(() => expect(client.callsOf('profiles.remove')).toEqual([{ id: 'p2' }]));
    expect(store.getState().profiles.map((p) => p.id)).toEqual(['p1']);
  });

  it('shows the built-in profile read-only, says why and where its settings are, and still duplicates it', async () => {
    const builtIn = profile({ id: 'embedded-broker', name: 'Embedded broker', amqpUri: 'amqp://127.0.0.1:5672/', builtIn: true });
    const client = new FakeClient({ 'profiles.duplicate': () => profile({ id: 'p3', name: 'Embedded broker (copy)' }) });
    renderWithStore(<ProfilesView onConnected={vi.fn()} />, { profiles: [builtIn, profile()], session: session({ profileId: 'embedded-broker' }) }, client);
    expect(screen.getByRole('heading', { name: 'Embedded broker' })).toBeTruthy();

    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('Managed by Warren: its settings are on the Broker page');
    expect(within(note).getByRole('link', { name: 'Broker page' }).getAttribute('href')).toBe('#/broker');
    expect(screen.getByText('amqp://127.0.0.1:5672/')).toBeTruthy();

    const remove = screen.getByRole('button', { name: 'Remove' }) as HTMLButtonElement;
    expect(remove.disabled).toBe(true);
    expect(remove.title).toContain('cannot be removed');
    expect(remove.getAttribute('aria-describedby')).toBe(note.id);

    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    expect(await screen.findByRole('heading', { name: 'Embedded broker (copy)' })).toBeTruthy();
    // The copy is the user's: an ordinary form, and Remove works.
    expect(screen.getByRole('form', { name: 'Edit Embedded broker (copy)' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Remove' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('connects to the selected profile and duplicates it', async () => {
    const onConnected = vi.fn();
    const client = new FakeClient({
      'session.connect': ({ id }) => session({ profileId: id, status: 'connecting' }),
      'profiles.duplicate': () => profile({ id: 'p3', name: 'Local RabbitMQ (copy)' }),
    });
    const { store } = renderWithStore(<ProfilesView onConnected={onConnected} />, { profiles: two, session: session({ status: 'idle', profileId: null }) }, client);
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onConnected).toHaveBeenCalled());
    expect(client.callsOf('session.connect')).toEqual([{ id: 'p1' }]);
    expect(store.getState().session?.status).toBe('connecting');

    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    expect(await screen.findByRole('heading', { name: 'Local RabbitMQ (copy)' })).toBeTruthy();
  });
});
