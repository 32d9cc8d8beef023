import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DefinitionsApplyResult, PlanResult } from '../../../../shared/definitions/api.js';
import type { PlanStep } from '../../../../shared/definitions/plan.js';
import type { Change } from '../../../../shared/topology/change.js';
import { ImportPanel } from '../../../../renderer/views/definitions/ImportPanel.js';
import { FakeClient, session } from '../support/fakeClient.js';
import { renderWithStore } from '../support/render.js';

afterEach(cleanup);

const queue = (name: string): Change => ({ kind: 'declareQueue', vhost: 'shop', name, durable: true, autoDelete: false, arguments: {} });
const step = (action: PlanStep['action'], name: string, messages: number | null = null): PlanStep => ({ action, entity: 'queue', vhost: 'shop', name, fields: [], messages });
const changes: Change[] = [queue('a.q'), queue('b q/ü'), { kind: 'deleteQueue', vhost: 'shop', name: 'stray', messages: 7 }];
const steps = [step('create', 'a.q'), step('create', 'b q/ü'), step('delete', 'stray', 7)];
const plan: PlanResult = {
  problems: [{ path: '$.exchanges[0].type', message: "exchange type 'x-delayed-message' needs the RabbitMQ plugin that provides it", severity: 'warning' }],
  summary: { form: 'vhost', version: '3.13.0', counts: { vhost: 0, user: 0, permission: 0, topicPermission: 0, parameter: 0, globalParameter: 0, policy: 0, exchange: 0, queue: 2, binding: 0 } },
  changes,
  steps,
  diff: [],
  deletions: [{ entity: 'queue', vhost: 'shop', name: 'stray', messages: 7 }],
};

function setup() {
  const client = new FakeClient();
  client.handle('definitions.plan', (args) => (args.sync ? plan : { ...plan, changes: changes.slice(0, 2), steps: steps.slice(0, 2), deletions: [] }));
  let finish: (result: DefinitionsApplyResult) => void = () => undefined;
  client.handle('definitions.apply', () => new Promise<DefinitionsApplyResult>((resolve) => (finish = resolve)));
  renderWithStore(<ImportPanel />, { session: session() }, client);
  return { client, finish: (r: DefinitionsApplyResult) => finish(r) };
}

const drop = (text: string) => {
  const file = new File([text], 'shop.json', { type: 'application/json' });
  fireEvent.drop(screen.getByRole('button', { name: /Choose a definitions file|shop\.json/ }), { dataTransfer: { files: [file] } });
};

describe('ImportPanel', () => {
  it('plans a dropped file, asks before a sync deletes, and shows each outcome with the refusal next to its change', async () => {
    const { client, finish } = setup();
    drop('{"rabbit_version":"3.13.0","queues":[]}');
    const region = await screen.findByRole('region', { name: 'Plan' });
    expect(region.textContent).toContain('Plan: 2 changes');
    expect(screen.getByRole('region', { name: 'Warnings' }).textContent).toContain('$.exchanges[0].type');
    expect(client.callsOf('definitions.plan')[0]).toEqual({ text: '{"rabbit_version":"3.13.0","queues":[]}', vhost: '/', sync: false });

    fireEvent.click(screen.getByRole('switch', { name: 'Sync: also delete what the file lacks' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Plan' }).textContent).toContain('Plan: 3 changes'));
    expect(screen.getByRole('listitem', { name: 'Delete queue stray' }).textContent).toContain('destroys 7 messages');

    fireEvent.click(screen.getByRole('button', { name: 'Apply 3 changes' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(dialog.textContent).toContain('stray');
    expect(dialog.textContent).toContain('7 messages will be lost.');
    expect(client.callsOf('definitions.apply')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete 1 and apply', hidden: true }));
    const applyId = (client.callsOf('definitions.apply')[0] as { applyId: string }).applyId;

    act(() => client.emit('definitions.progress', { applyId, done: 1, total: 3, current: 1, phase: 'applying' }));
    expect(screen.getByRole('listitem', { name: 'Create queue b q/ü' }).textContent).toContain('Applying…');
    await act(async () =>
      finish({
        ok: false,
        mode: 'per-entity',
        changes,
        steps,
        problems: [],
        outcomes: [
          { index: 0, status: 'rolled-back' },
          { index: 1, status: 'failed', error: "PRECONDITION_FAILED - invalid arg 'x-max-length' (HTTP 400)" },
          { index: 2, status: 'not-attempted' },
        ],
      }),
    );
    expect(screen.getByRole('listitem', { name: 'Create queue b q/ü' }).textContent).toContain('invalid arg');
    expect(screen.getByRole('listitem', { name: 'Create queue a.q' }).textContent).toContain('Rolled back');
    expect(screen.getByRole('listitem', { name: 'Delete queue stray' }).textContent).toContain('Not attempted');
    expect(screen.getByRole('status').textContent).toContain('Stopped: the broker refused create queue b q/ü.');
    expect(screen.getByRole('status').textContent).toContain('0 applied, 1 rolled back, 1 not attempted.');
  });
});
