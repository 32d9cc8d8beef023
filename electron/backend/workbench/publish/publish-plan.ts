import { randomUUID } from 'node:crypto';
import type { PublishMessage } from '../../../../shared/model/workbench/publish.js';
import { toAmqplibPublishOptions } from '../codec/properties.js';
import { expandHeaders, expandProperties, expandText, type TemplateValues } from './template-expansion.js';

/** One publish as amqplib takes it. */
export interface PlannedPublish {
  routingKey: string;
  content: Buffer;
  options: Record<string, unknown>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function asText(body: Buffer): string | null {
  if (!body.includes('{{')) return null;
  try {
    return utf8.decode(body);
  } catch {
    return null;
  }
}

export function templateValues(counter: number): TemplateValues {
  return { counter, uuid: randomUUID, now: () => new Date().toISOString() };
}

/**
 * The n-th publish of a run (from 1). Without templating every publish is the same object, built
 * once, which is what lets a run reach 10,000 msg/s; with it, the routing key, string properties,
 * string headers and a UTF-8 body are expanded for each one. A binary body is never templated.
 */
export function planPublishes(message: PublishMessage, body: Buffer, values: (n: number) => TemplateValues = templateValues): (n: number) => PlannedPublish {
  const fixed: PlannedPublish = { routingKey: message.routingKey, content: body, options: { ...toAmqplibPublishOptions(message.properties, message.headers), mandatory: message.mandatory } };
  if (!message.templated) return () => fixed;
  const bodyText = asText(body);
  return (n) => {
    const v = values(n);
    return {
      routingKey: expandText(message.routingKey, v),
      content: bodyText === null ? body : Buffer.from(expandText(bodyText, v), 'utf8'),
      options: { ...toAmqplibPublishOptions(expandProperties(message.properties, v), expandHeaders(message.headers, v)), mandatory: message.mandatory },
    };
  };
}
