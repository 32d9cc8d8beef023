import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors.js';
import { ProfileForm } from '../../../renderer/profiles/ProfileForm.js';
import { FakeClient, profile } from './support/fakeClient.js';
import { renderWithStore } from './support/render.js';

afterEach(cleanup);

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('ProfileForm', () => {
  it('starts a new profile with local RabbitMQ defaults and shows the derived management URL', () => {
    renderWithStore(<ProfileForm onSaved={vi.fn()} />);
    expect(field('AMQP URI').value).toBe('amqp://localhost:5672');
    expect(field('Username').value).toBe('guest');
    fireEvent.change(field('AMQP URI'), { target: { value: 'amqps://mq.example.com:5671/shop' } });
    expect(field('Management URL').placeholder).toBe('https://mq.example.com:15671');
  });

  it('shows client-side errors inline and sends nothing', async () => {
    const client = new FakeClient({ 'profiles.save': vi.fn() });
    renderWithStore(<ProfileForm onSaved={vi.fn()} />, {}, client);
    fireEvent.change(field('AMQP URI'), { target: { value: 'http://localhost:5672' } });
    fireEvent.change(field('Name'), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Scheme must be amqp:// or amqps://, not http://')).toBeTruthy();
    expect(screen.getByText('Name is required')).toBeTruthy();
    expect(field('AMQP URI').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Name'));
    expect(client.callsOf('profiles.save')).toEqual([]);
  });

  it('puts the issues of an ApiError beside their fields, nested paths included', async () => {
    const onSaved = vi.fn();
    const client = new FakeClient({
      'profiles.save': () => {
        throw new ApiError('invalid_args', 'Invalid arguments for profiles.save: managementUrl: nope', [
          { path: 'managementUrl', message: 'The management URL is not reachable as written' },
          { path: 'tls.caFile', message: 'CA file not found: /nope.pem' },
        ]);
      },
    });
    renderWithStore(<ProfileForm profile={profile({ tls: { caFile: '/nope.pem', skipVerify: false } })} onSaved={onSaved} />, {}, client);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('The management URL is not reachable as written')).toBeTruthy();
    expect(screen.getByText('CA file not found: /nope.pem')).toBeTruthy();
    expect(field('CA certificate file').getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('keeps the stored password when the field is left empty on edit', async () => {
    const saved = profile({ name: 'Renamed' });
    const client = new FakeClient({ 'profiles.save': () => saved });
    const onSaved = vi.fn();
    const { store } = renderWithStore(<ProfileForm profile={profile()} onSaved={onSaved} />, { profiles: [profile()] }, client);
    expect(field('Password').value).toBe('');
    fireEvent.change(field('Name'), { target: { value: 'Renamed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const [args] = client.callsOf('profiles.save') as Record<string, unknown>[];
    expect(args).toMatchObject({ id: 'p1', name: 'Renamed' });
    expect(args).not.toHaveProperty('password');
    expect(store.getState().profiles[0]?.name).toBe('Renamed');
    expect(screen.getByText('Saved')).toBeTruthy();
  });

  it('warns when certificate verification is switched off', () => {
    renderWithStore(<ProfileForm onSaved={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'TLS' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Skip certificate verification' }));
    expect(screen.getByRole('note').textContent).toContain('Any server certificate will be accepted');
  });

  it('shows AMQP and HTTP test results separately, with the hint to copy', async () => {
    const client = new FakeClient({
      'profiles.test': () => ({
        amqp: { ok: true, code: 'ok', message: 'Connected', detail: 'RabbitMQ 3.10.8', elapsedMs: 42 },
        http: {
          ok: false,
          code: 'management_disabled',
          message: 'The management plugin is not enabled',
          hint: 'Enable it on the broker: rabbitmq-plugins enable rabbitmq_management (or correct the management URL).',
          elapsedMs: 1250,
        },
      }),
    });
    renderWithStore(<ProfileForm onSaved={vi.fn()} />, {}, client);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('The management plugin is not enabled')).toBeTruthy();
    expect(screen.getByText('rabbitmq-plugins enable rabbitmq_management').tagName).toBe('CODE');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(screen.getByText('42 ms')).toBeTruthy();
    expect(screen.getByText('1.3 s')).toBeTruthy();
    expect(client.callsOf('profiles.test')[0]).toMatchObject({ amqpUri: 'amqp://localhost:5672', password: 'guest' });
  });
});
