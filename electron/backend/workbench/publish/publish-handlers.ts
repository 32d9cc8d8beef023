import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ConsoleHandlers } from '../../../../shared/api/contract.js';
import { ApiError } from '../../../../shared/api/errors.js';
import { type PublishArgs, type PublishResult, PublishTemplate, SentMessage } from '../../../../shared/model/workbench/publish.js';
import type { RpcArgs, RpcResult } from '../../../../shared/model/workbench/rpc.js';
import { PREVIEW_BYTES } from '../../../../shared/model/workbench/message.js';
import { heldBrowseMessage } from '../browse/held-browse-message.js';
import type { WorkbenchDeps } from '../workbench-deps.js';
import { createProfileListFile } from './profile-list-file.js';
import { planPublishes } from './publish-plan.js';
import { type RunReport, runPublishes } from './publisher-run.js';
import { plannedCount } from './rate-pacer.js';
import { callRpc } from './rpc-call.js';
import { createRpcReplies } from './rpc-replies.js';
import { addSent, sentEntry } from './sent-history.js';
import { bodyOf, openWorkbenchChannel } from './workbench-channel.js';

export type PublishHandlers = Pick<
  ConsoleHandlers,
  | 'workbench.publish'
  | 'workbench.publishCancel'
  | 'workbench.bodyUpload'
  | 'workbench.templates'
  | 'workbench.templateSave'
  | 'workbench.templateRemove'
  | 'workbench.sent'
  | 'workbench.rpc'
>;

/** Saved publish forms per profile, at most this many. */
export const MAX_TEMPLATES = 200;

export interface PublishService {
  handlers: PublishHandlers;
  /** Stops every run and call (a run ends cancelled after the publish in flight) and waits for them to let go of their channels. */
  close(): Promise<void>;
}

/**
 * Publishing from the workbench: runs (once, N times, at a rate) on a channel of their own,
 * the saved templates and the sent history of the connected profile, body uploads, and RPC calls.
 * A run stops when cancelled, when the broker refuses it, when its session goes (disconnect,
 * another profile), or when the backend closes.
 */
export function createPublishService(deps: WorkbenchDeps): PublishService {
  const { hub, log, uploads } = deps;
  const dir = path.join(deps.dataDir, 'workbench');
  const templates = createProfileListFile({ dir, kind: 'templates', item: PublishTemplate, log });
  const sent = createProfileListFile({ dir, kind: 'sent', item: SentMessage, log });
  const running = new Map<string, AbortController>();
  const inFlight = new Set<Promise<unknown>>();
  const closing = new AbortController();
  const replies = createRpcReplies(deps.held);
  const profileId = () => deps.session.broker().profileId;

  const tracked = <T>(work: () => Promise<T>): Promise<T> => {
    const promise = work();
    inFlight.add(promise);
    return promise.finally(() => inFlight.delete(promise));
  };
  const open = async (vhost: string, purpose: string) => {
    if (closing.signal.aborted) throw new ApiError('not_connected', 'The backend is closing');
    const channel = await openWorkbenchChannel(deps, vhost, purpose);
    return { ...channel, alive: () => !closing.signal.aborted && channel.alive() };
  };
  const asApiError = (err: unknown): ApiError => (err instanceof ApiError ? err : new ApiError('broker', err instanceof Error ? err.message : String(err)));

  const publish = async (args: PublishArgs): Promise<PublishResult> => {
    if (running.has(args.publishId)) throw new ApiError('invalid_args', `A publish run named ${args.publishId} is already running`);
    const body = bodyOf(args.body, uploads);
    const controller = new AbortController();
    running.set(args.publishId, controller);
    try {
      const channel = await open(args.vhost, 'publish');
      const total = args.repeat.mode === 'once' ? 1 : args.repeat.mode === 'count' ? args.repeat.count : plannedCount(args.repeat.perSecond, args.repeat.durationSeconds);
      const planned = args.repeat.mode === 'once' ? null : total;
      const sentAt = Date.now();
      let report: RunReport;
      try {
        report = await runPublishes({
          channel: channel.channel,
          plan: planPublishes(args, body),
          exchange: args.exchange,
          total,
          pace: args.repeat.mode === 'rate' ? { perSecond: args.repeat.perSecond, durationMs: args.repeat.durationSeconds * 1000 } : null,
          confirm: args.confirm,
          signal: controller.signal,
          alive: channel.alive,
          onProgress: (progress) => hub.emit('workbench.publishProgress', { publishId: args.publishId, planned, ...progress }),
        });
      } finally {
        await channel.release();
      }
      const historyId = randomUUID();
      const { publishId: _id, repeat, ...message } = args;
      const entry = sentEntry(historyId, sentAt, message, body, { repeat, counts: { ...report.counts }, status: report.status });
      await sent
        .update(channel.profileId, (list) => addSent(list, entry))
        .catch((err: unknown) => log.error('sent history not saved', { error: err instanceof Error ? err.message : String(err) }));
      const achievedRate = report.publishingMs > 0 ? (report.counts.sent * 1000) / report.publishingMs : 0;
      log.info('publish run', { vhost: args.vhost, exchange: args.exchange, status: report.status, ...report.counts, achievedRate: Math.round(achievedRate), heldUpMs: { drain: Math.round(report.heldUpMs.drain), confirms: Math.round(report.heldUpMs.confirms) }, replyCode: report.refusal?.replyCode ?? null });
      return {
        publishId: args.publishId,
        ...report.counts,
        status: report.status,
        ...(report.refusal ? { refusal: report.refusal } : {}),
        elapsedMs: report.elapsedMs,
        achievedRate,
        outcomes: report.outcomes,
        historyId,
      };
    } catch (err) {
      throw asApiError(err);
    } finally {
      running.delete(args.publishId);
    }
  };

  const rpc = async (args: RpcArgs): Promise<RpcResult> => {
    const body = bodyOf(args.body, uploads);
    const channel = await open(args.vhost, 'rpc');
    try {
      const { result, reply, replyAt } = await callRpc(channel.channel, args, body, channel.alive);
      log.info('rpc call', { vhost: args.vhost, exchange: args.exchange, outcome: result.outcome, roundTripMs: Math.round(result.roundTripMs) });
      if (reply === null || replyAt === null) return { ...result, reply: null };
      const { exchange, routingKey, redelivered } = reply.fields;
      // The reply is shown like a browsed message: read once, nothing to settle. Its body is copied: a
      // small one is a view into amqplib's socket read buffer, which holding it would keep whole.
      const held = heldBrowseMessage(1, { exchange, routingKey, redelivered, properties: reply.properties, body: Buffer.from(reply.content) }, replyAt, PREVIEW_BYTES);
      replies.keep(args.callId, args.vhost, held);
      return { ...result, reply: held.message };
    } catch (err) {
      throw asApiError(err);
    } finally {
      await channel.release();
    }
  };

  const handlers: PublishHandlers = {
    'workbench.publish': (args) => tracked(() => publish(args)),

    'workbench.publishCancel': async ({ publishId }) => {
      const run = running.get(publishId);
      run?.abort();
      return { cancelled: run !== undefined };
    },

    'workbench.bodyUpload': async ({ uploadId, offset, chunk }) => ({ uploadId, received: uploads.append(uploadId, offset, chunk) }),

    'workbench.templates': async () => ({ templates: await templates.read(profileId()) }),

    'workbench.templateSave': async (template) => {
      const saved = await templates.update(profileId(), (list) => {
        const others = list.filter((t) => t.id !== template.id);
        if (others.length >= MAX_TEMPLATES) throw new ApiError('invalid_args', `There are already ${MAX_TEMPLATES} saved templates: remove one first`);
        return [template, ...others];
      });
      return { templates: saved };
    },

    'workbench.templateRemove': async ({ id }) => ({ templates: await templates.update(profileId(), (list) => list.filter((t) => t.id !== id)) }),

    'workbench.sent': async () => ({ sent: await sent.read(profileId()) }),

    'workbench.rpc': (args) => tracked(() => rpc(args)),
  };

  return {
    handlers,
    async close() {
      closing.abort();
      for (const run of running.values()) run.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
}
