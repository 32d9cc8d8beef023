/**
 * Where a JSON text goes wrong, as a line and column a person can find.
 * JSON.parse says whether it is valid; its message differs between engines
 * and versions, so the position comes from a small scanner of our own that
 * stops at the first character the grammar does not allow.
 */
export interface JsonProblem {
  readonly message: string;
  /** 0-based offset into the text. */
  readonly offset: number;
  /** 1-based, as editors count. */
  readonly line: number;
  readonly column: number;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

const describe = (ch: string | undefined): string => (ch === undefined ? 'the end of the text' : ch === '\n' ? 'a line break' : `'${ch}'`);

function scan(text: string): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (message: string): never => {
    throw new Stop(i, message);
  };
  const expectWord = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(text[i])}: did you mean ${word}?`);
  };
  const string = () => {
    i++;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('a string is not closed: a " is missing');
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\n') fail('a line break inside a string: write it as \\n');
      if ((ch as string) < ' ') fail('a control character inside a string: escape it');
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i++;
            fail('\\u needs four hex digits');
          }
          i += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) {
          i++;
          fail(`unknown escape \\${esc ?? ''}`);
        }
        i += 2;
        continue;
      }
      i++;
    }
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '-') fail(`unexpected ${describe(text[i])}: not a number`);
    i += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === 't') return expectWord('true');
    if (ch === 'f') return expectWord('false');
    if (ch === 'n') return expectWord('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    if (ch === "'") fail("strings take double quotes (\"), not '");
    fail(`expected a value, found ${describe(ch)}`);
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail(text[i] === '}' ? 'a comma before } is not allowed in JSON' : `expected a name in double quotes, found ${describe(text[i])}`);
      string();
      ws();
      if (text[i] !== ':') fail(`expected ':' after the name, found ${describe(text[i])}`);
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(`expected ',' or '}', found ${describe(text[i])}`);
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === ']') fail('a comma before ] is not allowed in JSON');
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(`expected ',' or ']', found ${describe(text[i])}`);
    }
  };
  value();
  ws();
  if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
}

export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Null when the text is valid JSON; otherwise what is wrong and where. */
export function jsonProblem(text: string): JsonProblem | null {
  try {
    JSON.parse(text);
    return null;
  } catch (engineError) {
    try {
      scan(text);
    } catch (stop) {
      if (stop instanceof Stop) return { message: stop.message, offset: stop.at, ...positionOf(text, stop.at) };
      throw stop;
    }
    // The scanner accepts what the engine refused (it should not): the engine's own words, at the start.
    return { message: (engineError as Error).message, offset: 0, line: 1, column: 1 };
  }
}

/** Pretty-printed with two spaces; the text unchanged when it is not valid JSON. */
export function formatJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
