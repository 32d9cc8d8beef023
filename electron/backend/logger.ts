/** Structured one-line JSON logs. Callers pass no secrets; `redact` guards the usual suspects anyway. */
export interface Logger {
  /** Written only when debug logging is on (WARREN_DEBUG=1): per-cycle timings and the like. */
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

const SECRET_KEYS = /pass(word)?|secret|token|authorization|cookie/i;

/** Removes secret fields and credentials inside URIs. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(/(\w+:\/\/)([^:@/\s]+):([^@/\s]+)@/g, '$1$2:***@');
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '***' : redact(v, depth + 1);
  return out;
}

export type LogSink = (line: string) => void;

export function createLogger(
  scope: string,
  sink: LogSink = (line) => process.stderr.write(line + '\n'),
  options: { debug?: boolean } = {},
): Logger {
  const debug = options.debug ?? process.env.WARREN_DEBUG === '1';
  const write = (level: string, msg: string, fields?: Record<string, unknown>) => {
    const record = { t: new Date().toISOString(), level, scope, msg, ...(fields ? (redact(fields) as object) : {}) };
    sink(JSON.stringify(record));
  };
  return {
    debug: (msg, fields) => {
      if (debug) write('debug', msg, fields);
    },
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (sub) => createLogger(`${scope}.${sub}`, sink, { debug }),
  };
}

/** For tests: collects lines instead of printing them. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger('test', (line) => lines.push(line), { debug: true }), { lines });
}
