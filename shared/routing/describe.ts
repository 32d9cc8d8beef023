import type { BindingVerdict, ExchangeVisit, RouteExplanation } from './explain.js';

const q = (s: string) => `'${s}'`;

function target(v: BindingVerdict): string {
  return `${v.binding.destinationType} ${q(v.binding.destination)}`;
}

function bindingLine(v: BindingVerdict): string {
  const key = v.binding.routingKey === '' ? '' : ` (key ${q(v.binding.routingKey)})`;
  const head = `${v.matched ? 'matched' : 'skipped'}: binding to ${target(v)}${key}: ${v.reason}`;
  switch (v.outcome) {
    case 'exchange-already-visited':
      return `${head}; that exchange was already visited, so it is not visited again`;
    case 'exchange-missing':
      return `${head}; that exchange does not exist`;
    default:
      return head;
  }
}

function reached(visit: ExchangeVisit): string {
  const what = `${visit.internal ? 'internal ' : ''}${visit.type} exchange ${q(visit.exchange)}`;
  switch (visit.reachedVia.kind) {
    case 'publish':
      return `Published to ${what}.`;
    case 'binding':
      return `Reached ${what} through a binding from ${q(visit.reachedVia.from)}.`;
    case 'alternate':
      return `Reached ${what} as the alternate exchange of ${q(visit.reachedVia.from)}.`;
  }
}

function alternateLine(visit: ExchangeVisit): string | null {
  const ae = visit.alternate;
  if (ae === undefined) return null;
  switch (ae.outcome) {
    case 'used':
      return `No binding matched, so the message goes to the alternate exchange ${q(ae.exchange)}.`;
    case 'not-needed':
      return `A binding matched, so the alternate exchange ${q(ae.exchange)} is not used.`;
    case 'missing':
      return `No binding matched and the alternate exchange ${q(ae.exchange)} does not exist.`;
    case 'already-visited':
      return `No binding matched; the alternate exchange ${q(ae.exchange)} was already visited.`;
  }
}

/**
 * The explanation as plain sentences, in the order the broker would act:
 * for the console's route explainer, logs and test failure messages.
 */
export function describeRoute(e: RouteExplanation): string[] {
  const lines: string[] = [];
  if (e.routingKeys.length > 1) lines.push(`Routing keys: ${e.routingKeys.map(q).join(', ')} (the key, then CC and BCC).`);
  if (e.invalidMessage !== undefined) {
    lines.push(`RabbitMQ refuses this message (PRECONDITION_FAILED - invalid message: ${e.invalidMessage}).`);
    return lines;
  }
  if (e.exchangeMissing) {
    lines.push(`Exchange ${q(e.message.exchange)} does not exist: the publish fails with 404 NOT_FOUND.`);
    return lines;
  }
  if (e.defaultQueue !== undefined) {
    lines.push(
      e.defaultQueue.exists
        ? `The default exchange delivers to the queue named by the routing key, ${q(e.defaultQueue.queue)}.`
        : `The default exchange would deliver to queue ${q(e.defaultQueue.queue)}, which does not exist.`,
    );
  }
  for (const visit of e.visits) {
    lines.push(reached(visit));
    if (visit.bindings.length === 0) lines.push('  it has no bindings');
    for (const v of visit.bindings) lines.push(`  ${bindingLine(v)}`);
    const ae = alternateLine(visit);
    if (ae !== null) lines.push(`  ${ae}`);
  }
  lines.push(
    e.routed
      ? `Delivered to ${e.queues.length === 1 ? 'queue' : `${e.queues.length} queues:`} ${e.queues.map(q).join(', ')}.`
      : 'Unroutable: the message is dropped, or returned with 312 NO_ROUTE when published as mandatory.',
  );
  return lines;
}
