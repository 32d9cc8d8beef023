import { describe, expect, it } from 'vitest';
import { formatJson, jsonProblem } from '../../../../renderer/workbench/body-editor-json.js';

describe('JSON body validation', () => {
  it('accepts valid JSON of any shape', () => {
    for (const text of ['{}', '[]', '"x"', '0', '-1.5e3', 'true', 'null', '{"a":[1,{"b":"\\u00e9\\n"}]}', '  {\n "a": 1\n}\n']) expect(jsonProblem(text)).toBeNull();
  });

  it('points at the line and column of the first problem', () => {
    expect(jsonProblem('{\n  "a": 1\n  "b": 2\n}')).toEqual({ message: "expected ',' or '}', found '\"'", offset: 13, line: 3, column: 3 });
    expect(jsonProblem('{"a": 1,}')).toMatchObject({ line: 1, column: 9, message: 'a comma before } is not allowed in JSON' });
    expect(jsonProblem("{'a': 1}")).toMatchObject({ line: 1, column: 2, message: 'expected a name in double quotes, found \'\'\'' });
    expect(jsonProblem('[1, 2,]')).toMatchObject({ line: 1, column: 7, message: 'a comma before ] is not allowed in JSON' });
    expect(jsonProblem('{"a": tru}')).toMatchObject({ line: 1, column: 7, message: "unexpected 't': did you mean true?" });
    expect(jsonProblem('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9, message: 'a line break inside a string: write it as \\n' });
    expect(jsonProblem('{"a": 1} x')).toMatchObject({ line: 1, column: 10, message: "unexpected 'x' after the end of the JSON value" });
    expect(jsonProblem('')).toMatchObject({ line: 1, column: 1, message: 'expected a value, found the end of the text' });
    expect(jsonProblem('{"a": [1, 2')).toMatchObject({ line: 1, column: 12, message: "expected ',' or ']', found the end of the text" });
    expect(jsonProblem('{"a": 01}')).toMatchObject({ line: 1, column: 8 });
  });

  it('formats valid JSON with two spaces and leaves invalid text alone', () => {
    expect(formatJson('{"a":[1,2],"b":{"c":null}}')).toBe('{\n  "a": [\n    1,\n    2\n  ],\n  "b": {\n    "c": null\n  }\n}');
    expect(formatJson('{"a":')).toBe('{"a":');
  });
});
