import { type ServerMessage, ClientMessage, MAX_CLIENT_MESSAGE_BYTES } from '../../shared/api/wire.js';
import { type ApiIssue, issuesOf } from '../../shared/api/errors.js';
import type { Dispatch } from '../backend/dispatch.js';
import type { Logger } from '../backend/logger.js';
import { toErrorBody } from './error-body.js';

function rejected(id: number | null, message: string, issues?: ApiIssue[]): ServerMessage {
  return { type: 'result', id, ok: false, error: issues ? { code: 'bad_request', message, issues } : { code: 'bad_request', message } };
}

/**
 * Answers one WebSocket message from a page. Checks run from the cheapest to
 * the most specific: size, text, JSON, envelope, then the dispatcher checks the
 * method and its arguments. Every failure is a reply; the id is echoed when the
 * envelope got far enough to have one. Logs name the reason, never the content.
 */
export async function answerMessage(data: Buffer | string, isBinary: boolean, dispatch: Dispatch, log: Logger): Promise<ServerMessage> {
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (bytes > MAX_CLIENT_MESSAGE_BYTES) {
    log.warn('rejected message', { reason: 'too large', bytes });
    return rejected(null, `Message too large (${bytes} bytes; at most ${MAX_CLIENT_MESSAGE_BYTES})`);
  }
  if (isBinary) {
    log.warn('rejected message', { reason: 'binary', bytes });
    return rejected(null, 'Binary messages are not accepted; send JSON text');
  }
  let json: unknown;
  try {
    json = JSON.parse(data.toString());
  } catch {
    log.warn('rejected message', { reason: 'malformed JSON', bytes });
    return rejected(null, 'Malformed JSON');
  }
  const envelope = ClientMessage.safeParse(json);
  if (!envelope.success) {
    const id = idOf(json);
    log.warn('rejected message', { reason: 'bad envelope', bytes });
    return rejected(id, 'Not a call message: expected {"type":"call","id":<number>,"method":<string>,"args":{...}}', issuesOf(envelope.error));
  }
  const { id, method, args } = envelope.data;
  try {
    const result = await dispatch(method, args);
    return { type: 'result', id, ok: true, result };
  } catch (err) {
    return { type: 'result', id, ok: false, error: toErrorBody(err) };
  }
}

function idOf(json: unknown): number | null {
  if (typeof json !== 'object' || json === null) return null;
  const id = (json as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}
