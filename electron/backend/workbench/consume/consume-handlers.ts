import type { ConsoleHandlers } from '../../../../shared/api/contract.js';
import { ApiError } from '../../../../shared/api/errors.js';
import type { SessionState } from '../../../../shared/model/session.js';
import { createMoveRegistry } from '../../queue-actions/move-registry.js';
import type { Holder } from '../held-messages.js';
import { toWireBytes } from '../codec/wire-bytes.js';
import type { WorkbenchDeps } from '../workbench-deps.js';
import { DEFAULT_BODY_BUDGET_BYTES, createBodyBudget } from './body-budget.js';
import { type Consumer, startConsumer } from './consumer.js';
import { dumpHolder } from './dump.js';
import { runLoad } from './load.js';
import { runSendBack } from './send-back.js';
import { runTransfer } from './transfer.js';

export type ConsumeHandlers = Pick<
  ConsoleHandlers,
  | 'workbench.consumeStart'
  | 'workbench.consumeStop'
  | 'workbench.consumePause'
  | 'workbench.consumers'
  | 'workbench.consumeClear'
  | 'workbench.list'
  | 'workbench.settle'
  | 'workbench.messageBody'
  | 'workbench.transfer'
  | 'workbench.transferCancel'
  | 'workbench.dump'
  | 'workbench.load'
  | 'workbench.sendBack'
>;

const SWITCHED = 'Stopped: Warren disconnected from this broker or switched to another profile';
const live = (consumer: Consumer) => ['running', 'paused'].includes(consumer.state().status);

/**
 * The workbench's consumers and the message surgery done on what they (and browses and RPC
 * calls) hold. Consumers stop when the session leaves their profile, and on close.
 */
export function createConsumeService(deps: WorkbenchDeps, bodyBudgetBytes = DEFAULT_BODY_BUDGET_BYTES): { handlers: ConsumeHandlers; close(): Promise<void> } {
  const budget = createBodyBudget(bodyBudgetBytes);
  const consumers = new Map<string, Consumer>();
  const transfers = createMoveRegistry();

  const stopLeftBehind = deps.hub.subscribe((event, payload) => {
    if (event !== 'session.state') return;
    const { profileId } = payload as SessionState;
    for (const consumer of consumers.values()) if (consumer.profileId !== profileId && live(consumer)) void consumer.stop(SWITCHED);
  });

  const consumer = (consumerId: string): Consumer => {
    const found = consumers.get(consumerId);
    if (!found) throw new ApiError('not_found', `No consumer ${consumerId}: it was cleared, or never started`);
    return found;
  };
  const holder = (holderId: string): Holder => {
    const found = deps.held.get(holderId);
    if (!found) throw new ApiError('not_found', `Nothing holds messages under ${holderId}: the consumer or browse was cleared`);
    return found;
  };
  const forget = (found: Consumer) => {
    found.forget();
    consumers.delete(found.id);
    deps.held.unregister(found.id);
  };
  const tracked = async <T>(transferId: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const signal = transfers.start(transferId);
    try {
      return await run(signal);
    } finally {
      transfers.finish(transferId);
    }
  };

  const handlers: ConsumeHandlers = {
    'workbench.consumeStart': async (args) => {
      const existing = consumers.get(args.consumerId);
      if (existing && live(existing)) throw new ApiError('invalid_args', `Consumer ${args.consumerId} is already running: stop it first`);
      const started = await startConsumer(args, { deps, budget });
      if (existing) forget(existing);
      consumers.set(started.id, started);
      deps.held.register(started);
      return started.state();
    },
    'workbench.consumeStop': async ({ consumerId }) => consumer(consumerId).stop(),
    'workbench.consumePause': async ({ consumerId, paused }) => consumer(consumerId).pause(paused),
    'workbench.consumers': async () => ({ consumers: [...consumers.values()].map((c) => c.state()) }),
    'workbench.consumeClear': async ({ consumerId }) => {
      const found = consumers.get(consumerId);
      if (!found) return { cleared: false };
      if (live(found)) throw new ApiError('invalid_args', `Consumer ${consumerId} is ${found.state().status}: stop it before clearing its list`);
      forget(found);
      return { cleared: true };
    },
    'workbench.list': async ({ holderId, afterSeq, limit }) => ({ messages: holder(holderId).list(afterSeq, limit).map((held) => held.message) }),
    'workbench.settle': async ({ consumerId, seqs, action, requeue }) => consumer(consumerId).settle(seqs, action, requeue),
    'workbench.messageBody': async ({ holderId, seq, offset, length }) => {
      const held = holder(holderId).get(seq);
      if (!held) throw new ApiError('not_found', `Message ${seq} of ${holderId} is no longer kept: it was dropped from the list`);
      if (held.body === null) throw new ApiError('not_found', `The body of message ${seq} was dropped to keep the backend within its memory budget; only its preview is kept`);
      return { size: held.body.length, offset, bytes: toWireBytes(held.body.subarray(offset, offset + length)) };
    },
    'workbench.transfer': (args) => tracked(args.transferId, (signal) => runTransfer(args, deps, consumers.get(args.holderId), signal)),
    'workbench.transferCancel': async ({ transferId }) => ({ cancelled: transfers.cancel(transferId) }),
    'workbench.dump': async ({ holderId, seqs }) => dumpHolder(holder(holderId), seqs),
    'workbench.load': (args) => tracked(args.transferId, (signal) => runLoad(args, deps, signal)),
    'workbench.sendBack': (args) =>
      tracked(args.transferId, (signal) => runSendBack(args, deps, args.scope.kind === 'selection' ? consumers.get(args.scope.consumerId) : undefined, signal)),
  };

  return {
    handlers,
    async close() {
      stopLeftBehind();
      await Promise.all([...consumers.values()].map((c) => c.stop()));
      for (const c of consumers.values()) c.forget();
      consumers.clear();
    },
  };
}
