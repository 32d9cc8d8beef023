import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../../../renderer/workbench/message-arguments.js';

describe('consumer arguments', () => {
  it('types JSON values as AMQP field values', () => {
    expect(parseArguments('{"x-priority": 5, "ratio": 0.5, "on": true, "none": null, "tags": ["a", 1], "nested": {"k": "v"}}')).toEqual({
      ok: true,
      table: {
        'x-priority': { type: 'int', value: 5 },
        ratio: { type: 'float', value: 0.5 },
        on: { type: 'boolean', value: true },
        none: { type: 'void' },
        tags: { type: 'array', value: [{ type: 'string', value: 'a' }, { type: 'int', value: 1 }] },
        nested: { type: 'table', value: { k: { type: 'string', value: 'v' } } },
      },
    });
  });

  it('reads empty text as no arguments and says what is wrong otherwise', () => {
    expect(parseArguments('  ')).toEqual({ ok: true, table: {} });
    expect(parseArguments('[1]')).toEqual({ ok: false, error: 'Arguments must be a JSON object, e.g. {"x-stream-offset": "first"}' });
    expect(parseArguments('{"a":')).toMatchObject({ ok: false, error: expect.stringMatching(/^Arguments are not valid JSON: /) });
  });
});
