import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm } from '../../../../renderer/workbench/publish-form.js';
import { templateHint } from '../../../../renderer/workbench/publish-template-hint.js';

describe('template hint', () => {
  const form = { ...emptyForm('orders', 'order.{{counter}}'), body: { mode: 'json' as const, text: '{"id":"{{uuid}}","n":{{ counter }}}', file: null } };

  it('with templates on: says what each placeholder in use becomes', () => {
    const hint = templateHint({ ...form, templated: true }, {});
    expect(hint.used).toEqual(['counter', 'uuid']);
    expect(hint.text).toBe('{{counter}} → 1, 2, 3… per publish; {{uuid}} → a new UUID per publish.');
    expect(hint.warn).toBe(false);
  });

  it('with templates off: warns that placeholders would be sent literally', () => {
    const hint = templateHint(form, { at: { type: 'string', value: '{{now}}' } });
    expect(hint.used).toEqual(['counter', 'uuid', 'now']);
    expect(hint.text).toBe('Off: {{counter}}, {{uuid}}, {{now}} are sent literally. Turn on to expand.');
    expect(hint.warn).toBe(true);
  });

  it('names braces that are not placeholders, and looks into nested string headers but not a file body', () => {
    const hint = templateHint(
      { ...form, routingKey: '{{tenant}}', body: { mode: 'file', text: '{{uuid}}', file: { name: 'a.bin', bytes: new Uint8Array([1]) } }, templated: true },
      { meta: { type: 'table', value: { at: { type: 'string', value: '{{now}}' } } } },
    );
    expect(hint.used).toEqual(['now']);
    expect(hint.unknown).toEqual(['tenant']);
    expect(hint.text).toBe('{{now}} → the time of the publish (ISO 8601). {{tenant}} is not a placeholder and stays as written.');
  });

  it('with nothing templated: a plain line', () => {
    expect(templateHint(emptyForm(), {}).text).toBe('Off: the message is sent exactly as written.');
    expect(templateHint({ ...emptyForm(), templated: true }, {}).text).toBe('On, but nothing uses {{counter}}, {{uuid}}, {{now}} yet.');
  });

  it('a templated JSON body is checked with {{counter}} as the number it becomes, positions kept', () => {
    const body = { mode: 'json' as const, text: '{"n": {{counter}}, "id": "{{uuid}}"}', file: null };
    expect(checkForm({ ...emptyForm(), body, templated: true }).json).toBeNull();
    expect(checkForm({ ...emptyForm(), body, templated: false }).json).toMatchObject({ line: 1, column: 8, message: "expected a name in double quotes, found '{'" });
    expect(checkForm({ ...emptyForm(), body: { ...body, text: '{"n": {{ counter }},}' }, templated: true }).json).toMatchObject({ line: 1, column: 21, message: 'a comma before } is not allowed in JSON' });
  });
});
