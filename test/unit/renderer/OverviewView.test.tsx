import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverviewModel } from '../../../shared/model/inventory.js';
import { OverviewView } from '../../../renderer/views/OverviewView.js';
import { FakeClient, inventory, profile, queue, session } from './support/fakeClient.js';
import { renderWithStore } from './support/render.js';

afterEach(cleanup);

const overview = (overrides: Partial<OverviewModel> = {}): OverviewModel => ({
  productName: 'RabbitMQ',
  productVersion: '3.10.8',
  managementVersion: '3.10.8',
  erlangVersion: '25.2.3',
  runtime: null,
  clusterName: 'rabbit@vm',
  node: 'rabbit@vm',
  statsAvailable: true,
  totals: { connections: 3, channels: 5, consumers: 2, exchanges: 14, queues: 1234, messages: 21120, messagesReady: 21114, messagesUnacked: 6 },
  rates: { publish: 21.64, deliver: 22, ack: null, redeliver: 0 },
  ...overrides,
});

describe('OverviewView', () => {
  it('shows the broker, formatted totals and rates, and the deepest queues', () => {
    renderWithStore(<OverviewView />, { inventory: inventory({ overview: overview(), queues: [queue('small', { total: 3, ready: 3 }), queue('deep', { total: 900, ready: 900 })] }) });
    expect(screen.getByText('RabbitMQ 3.10.8')).toBeTruthy();
    expect(screen.getByText('1,234')).toBeTruthy();
    expect(screen.getByText('21,114')).toBeTruthy();
    expect(screen.getByText('21.6/s')).toBeTruthy();
    expect(screen.getByText('—')).toBeTruthy();
    const names = screen.getAllByRole('row').map((r) => r.querySelector('td')?.textContent).filter(Boolean);
    expect(names.slice(0, 2)).toEqual(['deep', 'small']);
  });

  it('shows Erlang for RabbitMQ, and the runtime instead for a broker with no Erlang', () => {
    renderWithStore(<OverviewView />, { inventory: inventory({ overview: overview() }) });
    expect(screen.getByText('Erlang')).toBeTruthy();
    expect(screen.getByText('25.2.3')).toBeTruthy();
    expect(screen.queryByText('Runtime')).toBeNull();
    cleanup();

    renderWithStore(<OverviewView />, {
      inventory: inventory({ overview: overview({ productName: 'Warren', productVersion: '0.1.0', erlangVersion: null, runtime: 'Node.js v20.20.2' }) }),
    });
    expect(screen.queryByText('Erlang')).toBeNull();
    expect(screen.getByText('Runtime')).toBeTruthy();
    expect(screen.getByText('Node.js v20.20.2')).toBeTruthy();
  });

  it('says so when the broker reports no message statistics', () => {
    renderWithStore(<OverviewView />, { inventory: inventory({ overview: overview({ statsAvailable: false, rates: { publish: null, deliver: null, ack: null, redeliver: null } }) }) });
    expect(screen.getByText(/reports no message statistics/)).toBeTruthy();
  });

  it('offers the example topology on an empty embedded broker, and loads it in one click', async () => {
    const client = new FakeClient({ 'embedded.loadExamples': async () => ({ queues: 10, exchanges: 3, bindings: 12, messages: 16 }) as never });
    const empty = overview({ totals: { ...overview().totals, queues: 0, messages: 0, messagesReady: 0, messagesUnacked: 0 } });
    renderWithStore(
      <OverviewView />,
      { inventory: inventory({ overview: empty }), profiles: [profile({ builtIn: true, name: 'Embedded broker' })], session: session() },
      client,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Load example topology' }));
    await waitFor(() => expect(client.callsOf('embedded.loadExamples')).toEqual([{}]));
  });

  it('offers nothing on a user profile, or once the broker has queues', () => {
    const empty = overview({ totals: { ...overview().totals, queues: 0 } });
    renderWithStore(<OverviewView />, { inventory: inventory({ overview: empty }), profiles: [profile()], session: session() });
    expect(screen.queryByRole('button', { name: 'Load example topology' })).toBeNull();
    cleanup();
    renderWithStore(<OverviewView />, { inventory: inventory({ overview: overview() }), profiles: [profile({ builtIn: true })], session: session() });
    expect(screen.queryByRole('button', { name: 'Load example topology' })).toBeNull();
  });
});
