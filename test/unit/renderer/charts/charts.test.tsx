import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryQueryArgs } from '../../../../shared/model/history.js';
import { ChartTooltip } from '../../../../renderer/charts/ChartTooltip.js';
import { historyCsv } from '../../../../renderer/charts/csv.js';
import { HistoryCharts } from '../../../../renderer/charts/HistoryCharts.js';
import { historyRows } from '../../../../renderer/charts/history-rows.js';
import { resolveRange } from '../../../../renderer/charts/ranges.js';
import { FakeClient } from '../support/fakeClient.js';
import { historyResult } from '../support/history.js';
import { renderWithStore } from '../support/render.js';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const t = [T0, T0 + 2000, T0 + 4000, T0 + 6000, T0 + 8000];
// A gap between 4 s and 8 s: the backend's null point at its start breaks the line.
const known = historyResult(t, { ready: [10, 40, null, 0, 5], unacked: [0, 10, null, 10, 0], publishRate: [12.5, 15, null, 0, 2.25], consumers: [1, 1, null, 2, 2] }, [[T0 + 4000, T0 + 6000]]);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('chart data', () => {
  it('keeps nulls as nulls and adds a null point at the start of a gap the series does not mark', () => {
    const rows = historyRows(known.series, [[T0 + 5000, T0 + 5500]]);
    expect(rows.map((r) => r.t)).toEqual([T0, T0 + 2000, T0 + 4000, T0 + 5000, T0 + 6000, T0 + 8000]);
    expect(rows[2]).toMatchObject({ ready: null, unacked: null });
    expect(rows[3]).toMatchObject({ ready: null, consumers: null });
    expect(rows[4]).toMatchObject({ ready: 0, unacked: 10, consumers: 2 });
  });

  it('exports exact values as CSV, an empty cell for a gap, never a 0', () => {
    const csv = historyCsv(historyRows(known.series), [
      { key: 'ready', label: 'Ready' },
      { key: 'unacked', label: 'Unacked' },
      { key: 'publishRate', label: 'Publish rate' },
    ]);
    expect(csv.split('\n')).toEqual([
      'time,epoch_ms,ready,unacked,publish_rate',
      `2026-11-22T12:00:00.000Z,${T0},10,0,12.5`,
      `2026-11-22T12:00:02.000Z,${T0 + 2000},40,10,15`,
      `2026-11-22T12:00:04.000Z,${T0 + 4000},,,`,
      `2026-11-22T12:00:06.000Z,${T0 + 6000},0,10,0`,
      `2026-11-22T12:00:08.000Z,${T0 + 8000},5,0,2.25`,
      '',
    ]);
  });

  it('resolves a preset to the window ending now and keeps a custom one', () => {
    expect(resolveRange({ kind: 'last', ms: 300_000 }, T0)).toEqual({ from: T0 - 300_000, to: T0 });
    expect(resolveRange({ kind: 'custom', from: 1, to: 2 }, T0)).toEqual({ from: 1, to: 2 });
  });
});

describe('ChartTooltip', () => {
  const series = [
    { key: 'ready', label: 'Ready', color: '#00f' },
    { key: 'unacked', label: 'Unacked', color: '#f80' },
  ];
  it('shows the instant and each exact value in the unit, in legend order', () => {
    render(<ChartTooltip active label={T0 + 2000} payload={[{ dataKey: 'unacked', value: 10 }, { dataKey: 'ready', value: 12345 }]} series={series} unit="messages" />);
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain(new Date(T0 + 2000).getSeconds().toString().padStart(2, '0'));
    expect([...tip.querySelectorAll('.chart-tooltip__row')].map((r) => r.textContent)).toEqual(['Ready12,345', 'Unacked10']);
  });
  it('says "no data" at a gap and formats rates per second', () => {
    render(<ChartTooltip active label={T0} payload={[{ dataKey: 'ready', value: 2.25 }]} series={series} unit="msg/s" />);
    expect([...screen.getByRole('tooltip').querySelectorAll('.chart-tooltip__value')].map((v) => v.textContent)).toEqual(['2.3/s', 'no data']);
  });
});

describe('HistoryCharts', () => {
  function setup() {
    const client = new FakeClient({ 'history.query': () => known, 'history.events': () => ({ markers: [{ t: T0 + 6000, kind: 'consumers', queue: 'q', text: 'Consumers 1 → 2' }], truncated: false }) });
    const view = renderWithStore(<HistoryCharts scope={{ kind: 'queue', vhost: '/', name: 'q' }} fileBase="q" charts={['depth', 'rates', 'consumers']} memoryKey="test" />, {}, client);
    return { ...view, client };
  }

  it('asks for the last 5 minutes and shows each series’ latest recorded value, and the events', async () => {
    const { client } = setup();
    await screen.findByRole('region', { name: 'Ready and unacked chart' });
    const values = (name: string) =>
      [...screen.getByLabelText(`${name}, latest values`).querySelectorAll('.chart-legend__item')].map((i) => i.textContent);
    expect(values('Ready and unacked')).toEqual(['Unacked0', 'Ready5']);
    expect(values('Message rates')).toEqual(['Publish2.3/s', 'Deliverno data', 'Ackno data', 'Redeliverno data']);
    expect(values('Consumers')).toEqual(['Consumers2']);
    const args = client.callsOf('history.query')[0] as HistoryQueryArgs;
    expect(args.scope).toEqual({ kind: 'queue', vhost: '/', name: 'q' });
    expect(args.to - args.from).toBe(300_000);
    expect(screen.getByText(/1 event in this range/)).toBeTruthy();
    expect(screen.getByText('Consumers 1 → 2')).toBeTruthy();
  });

  it('changes range, refetches live on history.appended, and not while paused', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { client } = setup();
    await act(async () => undefined);
    fireEvent.click(screen.getByRole('button', { name: '1 h' }));
    await act(async () => undefined);
    const last = () => client.callsOf('history.query').at(-1) as HistoryQueryArgs;
    expect(last().to - last().from).toBe(3_600_000);
    const before = client.callsOf('history.query').length;
    act(() => client.emit('history.appended', { profileId: 'p1', at: Date.now(), gap: false }));
    await act(async () => vi.advanceTimersByTimeAsync(1100));
    expect(client.callsOf('history.query').length).toBe(before + 1);

    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    await act(async () => undefined);
    const paused = client.callsOf('history.query').length;
    act(() => client.emit('history.appended', { profileId: 'p1', at: Date.now(), gap: false }));
    await act(async () => vi.advanceTimersByTimeAsync(1100));
    expect(client.callsOf('history.query').length).toBe(paused);
    expect(screen.getByText('Paused')).toBeTruthy();
  });

  it('CSV export downloads the chart’s points', async () => {
    setup();
    const depth = await screen.findByRole('region', { name: 'Ready and unacked chart' });
    await vi.waitFor(() => expect((within(depth).getByRole('button', { name: 'CSV' }) as HTMLButtonElement).disabled).toBe(false));
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:x';
    });
    fireEvent.click(within(screen.getByRole('region', { name: 'Ready and unacked chart' })).getByRole('button', { name: 'CSV' }));
    expect(await blobs[0]!.text()).toContain(`2026-11-22T12:00:02.000Z,${T0 + 2000},10,40`);
    create.mockRestore();
  });
});

describe('timeTicks', () => {
  it('puts ticks on round minutes across 5 minutes, and on round hours across a day', async () => {
    const { timeTicks } = await import('../../../../renderer/charts/time-ticks.js');
    const from = T0 + 17_000;
    const ticks = timeTicks(from, from + 300_000);
    expect(ticks.every((t) => t % 60_000 === 0)).toBe(true);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks[0]).toBeGreaterThanOrEqual(from);
    const day = timeTicks(from, from + 86_400_000);
    expect(day.length).toBeLessThanOrEqual(6);
    expect(day.every((t) => new Date(t).getMinutes() === 0)).toBe(true);
  });
});

describe('sparklines', () => {
  it('draws one path per row, breaking at a gap', async () => {
    const { sparklinePath } = await import('../../../../renderer/charts/sparkline-path.js');
    expect(sparklinePath([0, 10, null, 5, 10], 40, 12)).toBe('M0.0 11.0L10.0 1.0M30.0 6.0L40.0 1.0');
  });

  it('fetches the visible rows’ keys in one call and shows their paths in the Queues table', async () => {
    const { QueuesView } = await import('../../../../renderer/views/QueuesView.js');
    const { fakeViewport } = await import('../support/render.js');
    const { inventory, queue } = await import('../support/fakeClient.js');
    const restore = fakeViewport();
    try {
      const client = new FakeClient({ 'history.sparklines': () => ({ from: T0, stepMs: 10_000, values: { '/\u0000a': [1, 2, 3], '/\u0000b': [null, null, null] } }) });
      renderWithStore(<QueuesView />, { inventory: inventory({ queues: [queue('a'), queue('b')] }) }, client);
      const line = await screen.findByRole('img', { name: 'Total over the last 5 minutes, now 3' });
      expect(line.querySelector('path')?.getAttribute('d')).toMatch(/^M0\.0 /);
      expect(client.callsOf('history.sparklines')).toEqual([{ keys: ['/\u0000a', '/\u0000b'], minutes: 5, metric: 'total' }]);
      expect(screen.getAllByRole('img', { name: /Total over/ })).toHaveLength(1);
    } finally {
      restore();
    }
  });
});

describe('compare view', () => {
  it('overlays the chosen queues: one column per queue, each with its own gaps', async () => {
    const { compareRows } = await import('../../../../renderer/charts/compare-rows.js');
    const a = historyResult([T0, T0 + 2000], { total: [1, 2] }).series;
    const b = historyResult([T0 + 2000, T0 + 4000], { total: [5, null] }).series;
    expect(compareRows([a, b], 'total')).toEqual([
      { t: T0, s0: 1, s1: null },
      { t: T0 + 2000, s0: 2, s1: 5 },
      { t: T0 + 4000, s0: null, s1: null },
    ]);
  });

  it('asks history for each ticked queue and names each line', async () => {
    const { CompareView } = await import('../../../../renderer/views/compare/CompareView.js');
    const { inventory, queue } = await import('../support/fakeClient.js');
    const client = new FakeClient({ 'history.query': (args) => historyResult([T0], { total: [args.scope.kind === 'queue' && args.scope.name === 'a' ? 7 : 9] }) });
    renderWithStore(<CompareView />, { inventory: inventory({ queues: [queue('a'), queue('b'), queue('c')] }) }, client);
    fireEvent.click(screen.getByRole('checkbox', { name: 'a' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'c' }));
    await vi.waitFor(() => expect(screen.getByLabelText('Total messages, latest values').textContent).toBe('a7c9'));
    const scopes = client.callsOf('history.query').map((c) => (c as HistoryQueryArgs).scope);
    expect(scopes.at(-2)).toEqual({ kind: 'queue', vhost: '/', name: 'a' });
    expect(scopes.at(-1)).toEqual({ kind: 'queue', vhost: '/', name: 'c' });
  });
});

describe('custom range', () => {
  it('asks for exactly the from–to typed, and a custom range is not live', async () => {
    const client = new FakeClient({ 'history.query': () => known, 'history.events': () => ({ markers: [], truncated: false }) });
    renderWithStore(<HistoryCharts scope={{ kind: 'broker' }} fileBase="broker" charts={['depth']} memoryKey="custom" />, {}, client);
    fireEvent.click(screen.getByRole('button', { name: 'Custom' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-22T10:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-22T09:00' } });
    expect((screen.getByRole('button', { name: 'Show' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-22T12:30' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Show' })));
    const args = client.callsOf('history.query').at(-1) as HistoryQueryArgs;
    expect([args.from, args.to]).toEqual([new Date('2026-11-22T10:00').getTime(), new Date('2026-11-22T12:30').getTime()]);
    expect(screen.getByText('Fixed range')).toBeTruthy();
    expect((screen.getByRole('button', { name: /Pause/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
