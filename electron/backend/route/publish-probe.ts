import { randomUUID } from 'node:crypto';
import type { ConfirmChannel, ConsumeMessage, GetMessage } from 'amqplib';
import { ApiError } from '../../../shared/api/errors.js';
import { ROUTE_PROBE_HEADER, type RouteConfirmArgs, type RouteConfirmResult } from '../../../shared/model/route-probe.js';

/** A broker that neither confirms nor closes the channel within this is reported, not waited on forever. */
export const PROBE_CONFIRM_TIMEOUT_MS = 10_000;

/** Small and self-describing: whoever finds it in a queue knows what it is and that it can go. */
const PROBE_BODY = Buffer.from('Warren route probe: published by the route explainer to see where the broker routes it. Safe to discard.\n');

type Returned = ConsumeMessage | GetMessage;

/** amqplib's text for a server close is `Channel closed by server: 404 (NOT-FOUND) with message "NOT_FOUND - ..."`: the broker's own words are the quoted part. */
function brokerText(message: string): string {
  return /with message "(.*)"$/s.exec(message)?.[1] ?? message;
}

/**
 * Publishes one mandatory, confirmed probe and says what the broker did with
 * it. RabbitMQ sends basic.return before the basic.ack of an unroutable
 * mandatory message, so by the time the confirm arrives the return, if any,
 * has been seen. The channel is the caller's; it may be closed by the
 * broker (a refusal) and is not reused.
 */
export async function publishProbe(channel: ConfirmChannel, args: RouteConfirmArgs, timeoutMs = PROBE_CONFIRM_TIMEOUT_MS): Promise<RouteConfirmResult> {
  const messageId = args.properties?.messageId ?? `warren-route-probe-${randomUUID()}`;
  let returned: Returned | null = null;
  let closedWith: (Error & { code?: number }) | null = null;
  const onReturn = (msg: Returned) => {
    if (msg.properties.messageId === messageId) returned = msg;
  };
  const onError = (err: Error & { code?: number }) => {
    closedWith = err;
  };
  channel.on('return', onReturn);
  channel.on('error', onError);
  let timer: NodeJS.Timeout | undefined;
  try {
    const settled = new Promise<'ack' | 'nack' | 'closed'>((resolve) => {
      channel.publish(
        args.exchange,
        args.routingKey,
        PROBE_BODY,
        {
          mandatory: true,
          contentType: 'text/plain',
          appId: 'Warren',
          ...args.properties,
          messageId,
          headers: { ...args.headers, [ROUTE_PROBE_HEADER]: true },
        },
        (err) => {
          if (err === null || err === undefined) resolve('ack');
          else resolve(closedWith !== null || /closed/i.test(String((err as Error).message)) ? 'closed' : 'nack');
        },
      );
    });
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const how = await Promise.race([settled, timeout]);
    const refusal = closedWith as (Error & { code?: number }) | null;
    if (refusal !== null) {
      return { outcome: 'refused', ...(typeof refusal.code === 'number' ? { replyCode: refusal.code } : {}), replyText: brokerText(refusal.message), messageId };
    }
    if (how === 'timeout') throw new ApiError('broker', `The broker did not confirm the probe within ${Math.round(timeoutMs / 1000)} s`);
    if (how === 'closed') throw new ApiError('broker', 'The channel closed before the broker confirmed the probe');
    const back = returned as Returned | null;
    if (back !== null) {
      const fields = back.fields as { replyCode?: number; replyText?: string };
      return { outcome: 'returned', ...(fields.replyCode === undefined ? {} : { replyCode: fields.replyCode }), ...(fields.replyText === undefined ? {} : { replyText: fields.replyText }), messageId };
    }
    return how === 'nack' ? { outcome: 'nacked', messageId } : { outcome: 'routed', messageId };
  } finally {
    clearTimeout(timer);
    channel.off('return', onReturn);
    channel.off('error', onError);
  }
}
