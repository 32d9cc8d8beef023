import { cleanup, configure, fireEvent, getConfig, screen, within } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import type { ConsumeStartArgs, ConsumerState } from '../../../../shared/model/workbench/consume.js';
import { ApiError } from '../../../../shared/api/errors.js';
import { ConsumeView } from '../../../../renderer/views/consume/ConsumeView.js';
import { FakeClient, inventory, queue } from '../support/fakeClient.js';
import { fakeViewport, renderWithStore } from '../support/render.js';

/** The Consume view over a fake client that starts consumers (and refuses a queue named 'missing' as the broker would). */
export function stateOf(args: ConsumeStartArgs, overrides: Partial<ConsumerState> = {}): ConsumerState {
  return {
    consumerId: args.consumerId,
    vhost: args.vhost,
    source: args.source,
    queue: args.source.kind === 'queue' ? args.source.queue : 'amq.gen-1',
    consumerTag: 'amq.ctag-1',
    ackMode: args.ackMode,
    prefetch: args.prefetch,
    status: 'running',
    error: null,
    received: 0,
    dropped: 0,
    pending: 0,
    keep: args.keep,
    ...overrides,
  };
}

export function setup() {
  const started: ConsumeStartArgs[] = [];
  const client = new FakeClient({
    'workbench.consumers': () => ({ consumers: [] }),
    'workbench.list': () => ({ messages: [] }),
    'workbench.consumeStart': (args) => {
      const parsed = { exclusive: false, arguments: {}, keep: 10_000, ...args } as ConsumeStartArgs;
      if (parsed.source.kind === 'queue' && parsed.source.queue === 'missing') {
        throw new ApiError('not_found', "404 NOT_FOUND - no queue 'missing' in vhost '/'");
      }
      started.push(parsed);
      return stateOf(parsed);
    },
    'workbench.settle': (args) => ({ settled: args.seqs, failed: [], state: stateOf(started[0] as ConsumeStartArgs, { received: 2, pending: 1 }) }),
    'topology.snapshot': () => ({ vhost: '/', exchanges: [], queues: [], bindings: [], policies: [], operatorPolicies: [], fetchedAt: 0 }),
  });
  const view = renderWithStore(<ConsumeView />, { vhost: '/', inventory: inventory({ queues: [queue('orders'), queue('payments')] }) }, client);
  return { client, started, view };
}

export async function startOn(queueName: string): Promise<void> {
  const form = screen.getByRole('form', { name: 'Start a consumer' });
  fireEvent.change(within(form).getByLabelText('Queue'), { target: { value: queueName } });
  fireEvent.click(within(form).getByRole('button', { name: 'Start consumer' }));
}


/**
 * Each test on #/consume with a viewport for the virtualized list, cleaned up after. Lists render
 * once a frame, and under a loaded CI a frame can come late: waits get 5 s instead of 1 s.
 */
export function onTheConsumePage(): void {
  let restoreViewport: () => void = () => undefined;
  let timeout = 1000;
  beforeEach(() => {
    restoreViewport = fakeViewport();
    window.location.hash = '#/consume';
    timeout = getConfig().asyncUtilTimeout;
    configure({ asyncUtilTimeout: 5000 });
  });
  afterEach(() => {
    cleanup();
    restoreViewport();
    configure({ asyncUtilTimeout: timeout });
  });
}
