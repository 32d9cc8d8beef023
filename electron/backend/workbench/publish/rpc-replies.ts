import type { HeldMessage, HeldMessages } from '../held-messages.js';

/** Replies kept for workbench.messageBody: the latest calls' only, the oldest let go first. */
export const KEPT_RPC_REPLIES = 20;

export interface RpcReplies {
  keep(callId: string, vhost: string, reply: HeldMessage): void;
}

export function createRpcReplies(held: HeldMessages): RpcReplies {
  const kept: string[] = [];
  return {
    keep(callId, vhost, reply) {
      held.register({ id: callId, kind: 'rpc', vhost, get: (seq) => (seq === reply.message.seq ? reply : undefined), list: (afterSeq = 0) => (reply.message.seq > afterSeq ? [reply] : []) });
      const again = kept.indexOf(callId);
      if (again >= 0) kept.splice(again, 1);
      kept.push(callId);
      while (kept.length > KEPT_RPC_REPLIES) held.unregister(kept.shift() as string);
    },
  };
}
