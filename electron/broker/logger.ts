// Structured JSON log lines on a stream (stderr by default). The broker never
// logs passwords: callers pass client properties and user names only.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface BrokerLogger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') return '<binary>';
  return value;
}

export function jsonLogger(write: (line: string) => void = (l) => process.stderr.write(l), minLevel: LogLevel = 'info'): BrokerLogger {
  const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
  return {
    log(level, event, fields) {
      if (order[level] < order[minLevel]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, component: 'broker', event, ...fields }, jsonSafe) + '\n');
    },
  };
}

export const silentLogger: BrokerLogger = { log() {} };
