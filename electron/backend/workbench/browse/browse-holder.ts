import type { HeldMessage, Holder } from '../held-messages.js';

/** A browse's messages, kept whole for workbench.messageBody, dumps and copies; seq counts from 1 in queue order. */
export function browseHolder(browseId: string, vhost: string, messages: readonly HeldMessage[]): Holder {
  return {
    id: browseId,
    kind: 'browse',
    vhost,
    get: (seq) => messages[seq - 1],
    list: (afterSeq = 0, limit = messages.length) => messages.slice(Math.max(0, afterSeq), Math.max(0, afterSeq) + limit),
  };
}
