import type { ReceivedMessage } from '../../shared/model/workbench/message.js';
import { wireText } from './message-bytes.js';
import { matchesJsonPath, parseJsonPath } from './message-json-path.js';

export type MessageFilterMode = 'text' | 'regex' | 'jsonpath';

export const FILTER_MODE_LABELS: Record<MessageFilterMode, string> = { text: 'Text', regex: 'Regex', jsonpath: 'JSON path' };

export type MessageFilter =
  | { ok: true; active: boolean; test: (message: ReceivedMessage) => boolean }
  | { ok: false; error: string };

/** What a text or regex filter looks at: the routing key, the exchange, the ids and the body preview. */
function searchable(message: ReceivedMessage): string {
  const { properties } = message;
  return [message.routingKey, message.exchange, properties.messageId ?? '', properties.correlationId ?? '', properties.type ?? '', wireText(message.preview, message.truncated) ?? ''].join('\n');
}

/** A body preview parsed as JSON, or undefined when it is not JSON (or cut short). */
function bodyJson(message: ReceivedMessage): unknown {
  if (message.truncated) return undefined;
  const text = wireText(message.preview);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Compiles the filter box into a predicate on messages. Text is a
 * case-insensitive substring; a regex or JSON path that does not parse is
 * reported, never thrown, so the list keeps working.
 */
export function compileMessageFilter(query: string, mode: MessageFilterMode): MessageFilter {
  if (query.trim() === '') return { ok: true, active: false, test: () => true };
  if (mode === 'text') {
    const needle = query.toLowerCase();
    return { ok: true, active: true, test: (m) => searchable(m).toLowerCase().includes(needle) };
  }
  if (mode === 'regex') {
    try {
      const pattern = new RegExp(query, 'i');
      return { ok: true, active: true, test: (m) => pattern.test(searchable(m)) };
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: (\/.*\/[a-z]*: )?/, '') : String(error);
      return { ok: false, error: `Invalid regex: ${reason}` };
    }
  }
  const parsed = parseJsonPath(query);
  if (!parsed.ok) return parsed;
  const { query: path } = parsed;
  return {
    ok: true,
    active: true,
    test: (m) => {
      const document = bodyJson(m);
      return document !== undefined && matchesJsonPath(document, path);
    },
  };
}
