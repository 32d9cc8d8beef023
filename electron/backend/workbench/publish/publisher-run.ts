import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ConfirmChannel, Message } from 'amqplib';
import type { PublishCounts, PublishOutcome, PublishProgress } from '../../../../shared/model/workbench/publish.js';
import { type ChannelRefusal, refusalOf } from './channel-refusal.js';
import { createOutcomeLog } from './outcome-log.js';
import { createProgressMeter } from './progress-meter.js';
import type { PlannedPublish } from './publish-plan.js';
import { createRatePacer } from './rate-pacer.js';
import { createReturnMatcher } from './return-matcher.js';

/** Unconfirmed publishes in flight at most: a broker slower than the requested rate slows the run instead of filling memory. */
export const MAX_IN_FLIGHT = 10_000;
/** After the last publish, confirms still missing are waited for this long, then the run ends without them. */
export const CONFIRM_WAIT_MS = 30_000;
/** Without confirms, a return is attributed to one of this many latest publishes with the user's own message id. */
const UNCONFIRMED_RETURN_WINDOW = 10_000;
/** How often a run checks that its session is still the one it started on. */
const LIVENESS_CHECK_MS = 200;

export interface RunOptions {
  channel: ConfirmChannel;
  plan: (n: number) => PlannedPublish;
  exchange: string;
  /** How many publishes the run makes. */
  total: number;
  /** Publishes per second for a duration; null: as fast as the channel takes them. */
  pace: { perSecond: number; durationMs: number } | null;
  /** Wait for each publish's ack or nack (it is a confirm channel either way). */
  confirm: boolean;
  signal: AbortSignal;
  /** False once the session the run started on is gone (disconnected, another profile): the run stops. */
  alive(): boolean;
  onProgress(progress: Omit<PublishProgress, 'publishId' | 'planned'>): void;
}

export interface RunReport {
  counts: PublishCounts;
  outcomes: PublishOutcome[];
  status: 'done' | 'cancelled' | 'refused';
  refusal?: ChannelRefusal;
  /** From the first publish to the end of the run's last interval (rate runs) or to the last publish. */
  publishingMs: number;
  /** Time the run was held up by the broker rather than by its pacing: a full write buffer, or MAX_IN_FLIGHT unconfirmed. */
  heldUpMs: { drain: number; confirms: number };
  elapsedMs: number;
}

/** amqplib's error for a basic.nack, as its confirm callback gets it. */
const NACKED = 'message nacked';

/** Why a wait ended early. */
type Interrupt = 'closed' | 'cancelled';

/**
 * One publish run on its own channel: paces the publishes, respects the channel's write
 * backpressure, keeps at most MAX_IN_FLIGHT unconfirmed, matches returns to their publishes and
 * settles each one as confirmed, returned, nacked or unconfirmed. A channel the broker closes ends
 * the run as refused, with the broker's reply code and text; cancelling stops before the next publish.
 */
export async function runPublishes(options: RunOptions): Promise<RunReport> {
  const { channel, plan, exchange, total, confirm, signal } = options;
  const start = performance.now();
  const log = createOutcomeLog();
  const meter = createProgressMeter(start);
  const matcher = createReturnMatcher(`warren-${randomBytes(6).toString('hex')}`);
  const pending = new Map<number, { routingKey: string; messageId: string; returned?: { replyCode: number; replyText: string } }>();
  let refusal: ChannelRefusal | null = null;
  let refused: { n: number; routingKey: string } | null = null;
  let last = { n: 1, routingKey: '' };
  let closed = false;
  let wake: (() => void) | null = null;
  /** Set while the run waits for confirms: a settle that brings the unconfirmed below it wakes the run. */
  let wakeBelow: number | null = null;
  const nudge = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };

  const onReturn = (message: Message) => {
    const fields = message.fields as unknown as { replyCode: number; replyText: string; routingKey: string };
    const messageId = typeof message.properties.messageId === 'string' ? message.properties.messageId : undefined;
    const n = matcher.match(messageId, fields.routingKey);
    if (n === null) return;
    const returned = { replyCode: fields.replyCode, replyText: fields.replyText };
    const entry = pending.get(n);
    // With confirms, the return comes before the ack of the same publish, which settles it.
    if (confirm && entry) entry.returned = returned;
    else if (!confirm) log.returnedAfterAll({ n, outcome: 'returned', ...returned, routingKey: fields.routingKey, ...(messageId === undefined ? {} : { messageId }) });
  };
  const onError = (err: Error & { code?: unknown }) => {
    refusal = refusalOf(err) ?? refusal;
    // The earliest publish still unsettled is the one the broker refused: it handles a channel's publishes in order.
    // Without confirms nothing tells which one it was, so the refusal goes on the last one sent.
    const [n, entry] = pending.entries().next().value ?? [last.n, last];
    refused = { n, routingKey: entry.routingKey };
  };
  const onClose = () => {
    closed = true;
    nudge();
  };
  const onAbort = () => nudge();
  channel.on('return', onReturn);
  channel.on('error', onError);
  channel.on('close', onClose);
  signal.addEventListener('abort', onAbort);

  const interrupted = (): Interrupt | null => (closed ? 'closed' : signal.aborted ? 'cancelled' : null);
  /**
   * Waits for `ms`, for the channel to drain, or for the unconfirmed to fall below a count, whichever
   * is asked for; a close ends any wait, a cancel all but the wait for the last confirms.
   */
  const pause = (until: { ms?: number; drain?: boolean; unconfirmedBelow?: number; uncancellable?: boolean }): Promise<void> =>
    new Promise((resolve) => {
      const timer = until.ms === undefined ? undefined : setTimeout(nudge, Math.max(0, until.ms));
      if (until.drain) channel.once('drain', nudge);
      wakeBelow = until.unconfirmedBelow ?? null;
      wake = () => {
        clearTimeout(timer);
        channel.off('drain', nudge);
        wakeBelow = null;
        resolve();
      };
      if (closed || (signal.aborted && !until.uncancellable) || (wakeBelow !== null && pending.size < wakeBelow)) nudge();
    });

  const settle = (n: number, err: unknown) => {
    const entry = pending.get(n);
    if (!entry) return;
    pending.delete(n);
    matcher.settled(n);
    if (wakeBelow !== null && pending.size < wakeBelow) nudge();
    // amqplib fails the callbacks still waiting when the channel closes ('channel closed'), before its close event: those are lost, not nacked.
    if (err && !(err instanceof Error && err.message === NACKED)) return;
    if (closed || refusal !== null) return;
    const base = { n, routingKey: entry.routingKey, messageId: entry.messageId };
    if (err) log.record({ ...base, outcome: 'nacked' });
    else if (entry.returned) log.record({ ...base, outcome: 'returned', ...entry.returned });
    else log.record({ ...base, outcome: 'confirmed' });
  };

  const pacer = options.pace === null ? null : createRatePacer(options.pace.perSecond, start);
  let lastLivenessCheck = start;
  let stoppedBy: Interrupt | 'gone' | null = null;
  const heldUpMs = { drain: 0, confirms: 0 };
  try {
    for (let n = 1; n <= total; n++) {
      stoppedBy = interrupted();
      if (stoppedBy) break;
      const now = performance.now();
      if (now - lastLivenessCheck >= LIVENESS_CHECK_MS) {
        lastLivenessCheck = now;
        if (!options.alive()) {
          stoppedBy = 'gone';
          break;
        }
      }
      if (meter.due(now)) options.onProgress({ ...log.counts, ratePerSecond: meter.rate(now, log.counts.sent), elapsedMs: now - start });
      if (pacer && !pacer.tryTake(now)) {
        await pause({ ms: pacer.waitMs(now) });
        n--;
        continue;
      }
      if (confirm && pending.size >= MAX_IN_FLIGHT) {
        const since = performance.now();
        await pause({ ms: LIVENESS_CHECK_MS, unconfirmedBelow: MAX_IN_FLIGHT / 2 });
        heldUpMs.confirms += performance.now() - since;
        n--;
        continue;
      }
      const publish = plan(n);
      const own = typeof publish.options.messageId === 'string' ? publish.options.messageId : undefined;
      const messageId = matcher.messageIdFor(n, own);
      const publishOptions = own === undefined ? { ...publish.options, messageId } : publish.options;
      let writable: boolean;
      try {
        pending.set(n, { routingKey: publish.routingKey, messageId });
        writable = channel.publish(exchange, publish.routingKey, publish.content, publishOptions, confirm ? (err) => settle(n, err) : undefined);
      } catch (err) {
        // amqplib throws once the channel is closing or closed: the close event says why.
        pending.delete(n);
        if (closed || refusal !== null) break;
        throw err;
      }
      log.sent();
      last = { n, routingKey: publish.routingKey };
      matcher.sent(n, messageId, publish.routingKey);
      if (!confirm) {
        pending.delete(n);
        log.record({ n, outcome: 'unconfirmed', routingKey: publish.routingKey, messageId });
        matcher.settled(n - UNCONFIRMED_RETURN_WINDOW);
      }
      if (!writable) {
        const since = performance.now();
        await pause({ drain: true });
        heldUpMs.drain += performance.now() - since;
      }
    }
    if (stoppedBy === null && options.pace && !interrupted()) {
      // A rate run lasts its duration, last interval included: N publishes at R/s take N/R seconds.
      await pause({ ms: start + options.pace.durationMs - performance.now() });
    }
    const publishingMs = performance.now() - start;
    if (confirm) {
      const deadline = performance.now() + CONFIRM_WAIT_MS;
      while (pending.size > 0 && !closed && performance.now() < deadline) await pause({ ms: deadline - performance.now(), unconfirmedBelow: 1, uncancellable: true });
    } else if (!closed) {
      // basic.qos is answered in order after every publish before it: returns and a refusal have arrived by then.
      await channel.prefetch(0).catch(() => undefined);
    }
    const finalRefusal = refusal as ChannelRefusal | null;
    const refusedPublish = refused as { n: number; routingKey: string } | null;
    if (finalRefusal !== null && refusedPublish !== null) log.record({ ...refusedPublish, outcome: 'refused', ...finalRefusal });
    // Closed without a word from the broker: the connection went, or the session moved on (disconnect, another profile).
    const gone = stoppedBy === 'gone' || (closed && finalRefusal === null && !options.alive());
    if (closed && finalRefusal === null && !gone) throw new Error(`The channel closed after ${log.counts.sent} publishes (${log.counts.confirmed} confirmed): the connection to the broker was lost`);
    const elapsedMs = performance.now() - start;
    const status = finalRefusal !== null ? 'refused' : stoppedBy === 'cancelled' || gone ? 'cancelled' : 'done';
    options.onProgress({ ...log.counts, ratePerSecond: meter.rate(performance.now(), log.counts.sent), elapsedMs });
    return { counts: log.counts, outcomes: log.outcomes(), status, ...(finalRefusal === null ? {} : { refusal: finalRefusal }), publishingMs, heldUpMs, elapsedMs };
  } finally {
    channel.off('return', onReturn);
    channel.off('error', onError);
    channel.off('close', onClose);
    signal.removeEventListener('abort', onAbort);
  }
}
