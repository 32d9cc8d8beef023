import type { EmbeddedLogLine } from '../../../shared/model/embedded.js';

export const LOG_TAIL_LINES = 500;
/** Longer lines are cut: one runaway log record must not fill the tail's memory. */
export const LOG_LINE_MAX_CHARS = 4000;

const LEVELS = new Set(['debug', 'info', 'warn', 'error']);

/**
 * The last lines the broker wrote on stderr (JSON logs) and the supervisor's
 * own notes, in a ring of fixed size.
 */
export function createLogTail(capacity = LOG_TAIL_LINES, now: () => number = Date.now) {
  const lines: EmbeddedLogLine[] = [];
  let seq = 0;

  return {
    /** Adds one line; returns it as stored. */
    push(source: EmbeddedLogLine['source'], level: EmbeddedLogLine['level'], text: string): EmbeddedLogLine {
      const line: EmbeddedLogLine = {
        seq: ++seq,
        at: now(),
        level,
        source,
        text: text.length > LOG_LINE_MAX_CHARS ? `${text.slice(0, LOG_LINE_MAX_CHARS)}…` : text,
      };
      lines.push(line);
      if (lines.length > capacity) lines.splice(0, lines.length - capacity);
      return line;
    },
    /** Lines after `afterSeq` (all when absent), at most `limit` of the newest. */
    read(afterSeq = 0, limit = capacity): EmbeddedLogLine[] {
      const newer = lines.filter((l) => l.seq > afterSeq);
      return newer.slice(Math.max(0, newer.length - limit));
    },
    size: () => lines.length,
  };
}
export type LogTail = ReturnType<typeof createLogTail>;

/**
 * The level and a readable text for one line of the broker's stderr: its JSON
 * records ({time, level, component, event, ...fields}) become
 * "event key=value ..."; anything else is kept as written.
 */
export function readBrokerLine(raw: string): { level: EmbeddedLogLine['level']; text: string } {
  const trimmed = raw.trim();
  if (trimmed.startsWith('{')) {
    try {
      const record = JSON.parse(trimmed) as Record<string, unknown>;
      const level = typeof record.level === 'string' && LEVELS.has(record.level) ? (record.level as EmbeddedLogLine['level']) : 'info';
      const { time: _time, level: _level, component: _component, event, ...fields } = record;
      const rest = Object.entries(fields)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      const head = typeof event === 'string' ? event : '';
      return { level, text: [head, rest].filter((s) => s !== '').join(' ') || trimmed };
    } catch {
      // Not JSON after all: kept as written.
    }
  }
  return { level: /\b(error|fail|cannot|in use)\b/i.test(trimmed) ? 'error' : 'info', text: trimmed };
}
