import type { ConsoleHandlers } from '../../../../shared/api/contract.js';
import { ApiError } from '../../../../shared/api/errors.js';
import type { BrowseArgs, BrowseResult } from '../../../../shared/model/workbench/browse.js';
import { brokerWords } from '../consume/broker-words.js';
import { previewLimitFor } from '../consume/kept-message.js';
import { openVhostChannel } from '../consume/vhost-channel.js';
import type { WorkbenchDeps } from '../workbench-deps.js';
import { browseHolder } from './browse-holder.js';
import { type BrowsedMessage, heldBrowseMessage } from './held-browse-message.js';
import { createPeekCapability } from './peek-capability.js';
import { peekMessages } from './peek-browse.js';
import { getAndRequeue } from './requeue-browse.js';

export type BrowseHandlers = Pick<ConsoleHandlers, 'workbench.browse' | 'workbench.browseCapabilities'>;

export const REQUEUE_SIDE_EFFECTS =
  'Read with basic.get and requeued at once: these messages are now marked redelivered, their order may change when other consumers are active on the queue, and the queue’s get and redeliver counters moved.';
export const PEEK_SIDE_EFFECTS = 'None: read with the embedded broker’s peek, so the queue, its order, the redelivered flags and its counters are as they were.';
export const NO_PEEK =
  'This broker cannot peek: reading without side effects is a capability of Warren’s embedded broker. Browse with “get and requeue” instead (basic.get, then requeue).';

/**
 * The queue browser. 'requeue' works on every broker and says what it did to the queue;
 * 'peek' only where the broker reads without side effects. Either way the queue's depth
 * comes from a passive declare, so a missing queue is reported in the broker's words.
 */
export function browseHandlers(deps: WorkbenchDeps): BrowseHandlers {
  const canPeek = createPeekCapability();

  async function read(args: BrowseArgs): Promise<{ messages: BrowsedMessage[]; depth: number }> {
    const channel = await openVhostChannel(deps, args.vhost, 'browse');
    try {
      let depth: number;
      try {
        depth = (await channel.channel.checkQueue(args.queue)).messageCount;
      } catch (err) {
        const words = channel.closedWith() ?? brokerWords(err);
        throw new ApiError(/^404\b/.test(words) ? 'not_found' : 'broker', words);
      }
      if (args.mode === 'peek') return { messages: await peekMessages(deps.session.broker().management, args.vhost, args.queue, args.count), depth };
      try {
        return { messages: await getAndRequeue(channel.channel, args.queue, args.count), depth };
      } catch (err) {
        throw new ApiError('broker', channel.closedWith() ?? brokerWords(err));
      }
    } finally {
      await channel.release();
    }
  }

  return {
    'workbench.browse': async (args): Promise<BrowseResult> => {
      if (args.mode === 'peek' && !(await canPeek(deps.session.broker().management))) throw new ApiError('invalid_args', NO_PEEK);
      const { messages, depth } = await read(args);
      const now = Date.now();
      const limit = previewLimitFor(messages.length);
      const held = messages.map((m, i) => heldBrowseMessage(i + 1, m, now, limit));
      // A newer browse with the same id replaces the older one.
      deps.held.register(browseHolder(args.browseId, args.vhost, held));
      deps.log.info('queue browsed', { vhost: args.vhost, queue: args.queue, mode: args.mode, read: held.length });
      return {
        browseId: args.browseId,
        mode: args.mode,
        messages: held.map((h) => h.message),
        queueDepth: depth,
        sideEffects: args.mode === 'peek' ? PEEK_SIDE_EFFECTS : REQUEUE_SIDE_EFFECTS,
      };
    },
    'workbench.browseCapabilities': async () => ({ peek: await canPeek(deps.session.broker().management) }),
  };
}
