import { describe, expect, it } from 'vitest';
import { planPublishes } from '../../../../electron/backend/workbench/publish/publish-plan.js';
import { expandHeaders, expandProperties, expandText, type TemplateValues } from '../../../../electron/backend/workbench/publish/template-expansion.js';
import type { PublishMessage } from '../../../../shared/model/workbench/publish.js';

function fixedValues(counter: number): TemplateValues {
  let uuids = 0;
  return { counter, uuid: () => `uuid-${counter}-${++uuids}`, now: () => '2026-11-22T16:00:00.000Z' };
}

const message = (over: Partial<PublishMessage> = {}): PublishMessage => ({
  vhost: '/',
  exchange: 'orders',
  routingKey: 'order.{{counter}}',
  properties: { messageId: 'm-{{uuid}}', contentType: 'application/json', deliveryMode: 2, timestamp: 1_700_000_000 },
  headers: {
    sent: { type: 'string', value: '{{now}}' },
    n: { type: 'int', value: 7 },
    nested: { type: 'table', value: { list: { type: 'array', value: [{ type: 'string', value: '#{{counter}}' }, { type: 'float', value: 1.5 }] } } },
  },
  body: { kind: 'inline', bytes: { encoding: 'utf8', data: '' } },
  mandatory: true,
  confirm: true,
  templated: true,
  ...over,
});

describe('template expansion', () => {
  it('replaces counter, a new uuid per occurrence and now; leaves other braces alone', () => {
    expect(expandText('{{counter}}/{{uuid}}/{{uuid}}/{{now}}/{{other}}/{ {counter} }', fixedValues(3))).toBe('3/uuid-3-1/uuid-3-2/2026-11-22T16:00:00.000Z/{{other}}/{ {counter} }');
    expect(expandText('no placeholders', fixedValues(1))).toBe('no placeholders');
  });

  it('expands the same text the same way call after call (no regex state carried over)', () => {
    expect(expandText('n={{counter}}', fixedValues(1))).toBe('n=1');
    expect(expandText('n={{counter}}', fixedValues(2))).toBe('n=2');
  });

  it('expands string headers at any depth and keeps every other type as it is', () => {
    expect(expandHeaders(message().headers, fixedValues(5))).toEqual({
      sent: { type: 'string', value: '2026-11-22T16:00:00.000Z' },
      n: { type: 'int', value: 7 },
      nested: { type: 'table', value: { list: { type: 'array', value: [{ type: 'string', value: '#5' }, { type: 'float', value: 1.5 }] } } },
    });
  });

  it('expands string properties only', () => {
    expect(expandProperties({ messageId: 'id-{{counter}}', priority: 3, timestamp: 5, appId: 'a' }, fixedValues(2))).toEqual({ messageId: 'id-2', priority: 3, timestamp: 5, appId: 'a' });
  });
});

describe('publish plan', () => {
  it('expands each publish of a templated run from its own counter', () => {
    const plan = planPublishes(message(), Buffer.from('{"n": {{counter}}}'), fixedValues);
    const second = plan(2);
    expect(second.routingKey).toBe('order.2');
    expect(second.content.toString()).toBe('{"n": 2}');
    expect(second.options).toMatchObject({ messageId: 'm-uuid-2-1', mandatory: true, deliveryMode: 2, headers: { sent: '2026-11-22T16:00:00.000Z', n: 7 } });
    expect(plan(3).routingKey).toBe('order.3');
  });

  it('sends text verbatim when the run is not templated: the same publish every time', () => {
    const plan = planPublishes(message({ templated: false }), Buffer.from('{{counter}}'), fixedValues);
    expect(plan(1)).toBe(plan(2));
    expect(plan(1).routingKey).toBe('order.{{counter}}');
    expect(plan(1).content.toString()).toBe('{{counter}}');
  });

  it('never templates a binary body, even one that contains the placeholder bytes', () => {
    const binary = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{{counter}}')]);
    expect(planPublishes(message(), binary, fixedValues)(4).content.equals(binary)).toBe(true);
  });

  it('publishes a float header as a double even when it holds a whole number', () => {
    const plan = planPublishes(message({ templated: false, headers: { whole: { type: 'float', value: 2 } } }), Buffer.alloc(0), fixedValues);
    expect(plan(1).options.headers).toEqual({ whole: { '!': 'double', value: 2 } });
  });
});
