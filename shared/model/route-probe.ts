import { z } from 'zod';

/**
 * A real mandatory publish that checks the route explainer's prediction
 * against the broker. The message is really delivered to every queue it
 * reaches, so it is marked as a probe (see ROUTE_PROBE_HEADER).
 */
const shortstr = z.string().max(255);

/** Header values the explainer's form can type: what AMQP tables carry and JSON can express. */
export const ProbeHeaderValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);
export type ProbeHeaderValue = z.infer<typeof ProbeHeaderValue>;

/** The message properties a prefilled message (e.g. from the workbench) may bring along. */
export const ProbeProperties = z
  .object({
    contentType: shortstr,
    correlationId: shortstr,
    messageId: shortstr,
    type: shortstr,
    appId: shortstr,
    priority: z.number().int().min(0).max(255),
    expiration: shortstr,
  })
  .partial()
  .strict();
export type ProbeProperties = z.infer<typeof ProbeProperties>;

export const RouteConfirmArgs = z
  .object({
    vhost: shortstr,
    exchange: shortstr,
    routingKey: shortstr,
    headers: z.record(shortstr, ProbeHeaderValue),
    properties: ProbeProperties.optional(),
  })
  .strict();
export type RouteConfirmArgs = z.infer<typeof RouteConfirmArgs>;

/**
 * routed: confirmed and not returned. returned: basic.return (312 NO_ROUTE
 * for an unroutable message). refused: the broker closed the channel before
 * routing (404 no such exchange, 403 internal exchange...). nacked: routed
 * but a queue refused it (e.g. x-overflow reject-publish on a full queue).
 */
export const RouteConfirmResult = z.object({
  outcome: z.enum(['routed', 'returned', 'refused', 'nacked']),
  replyCode: z.number().int().optional(),
  replyText: z.string().optional(),
  /** The probe's message-id, to find it in the queues it reached. */
  messageId: z.string(),
});
export type RouteConfirmResult = z.infer<typeof RouteConfirmResult>;

/** Set on every probe, so consumers and people browsing a queue can tell it from real traffic. */
export const ROUTE_PROBE_HEADER = 'x-warren-route-probe';
