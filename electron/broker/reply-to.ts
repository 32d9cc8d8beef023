// Direct reply-to (amq.rabbitmq.reply-to): a publisher's reply_to is rewritten
// to a per-channel pseudo-queue name; publishes to that name on the default
// exchange go straight to the channel's reply consumer, with no queue.
import { randomBytes } from 'node:crypto';

export const REPLY_TO_QUEUE = 'amq.rabbitmq.reply-to';
export const REPLY_TO_PREFIX = 'amq.rabbitmq.reply-to.';

export interface ReplyTarget {
  /** Delivers a reply; false when the target no longer consumes replies. */
  deliverReply(routingKey: string, exchange: string, message: import('./message.js').Message): boolean;
}

export class ReplyToRegistry {
  private readonly targets = new Map<string, ReplyTarget>();

  register(target: ReplyTarget): string {
    const key = randomBytes(18).toString('base64url');
    this.targets.set(key, target);
    return REPLY_TO_PREFIX + key;
  }

  unregister(name: string): void {
    this.targets.delete(name.slice(REPLY_TO_PREFIX.length));
  }

  lookup(routingKey: string): ReplyTarget | undefined {
    return routingKey.startsWith(REPLY_TO_PREFIX) ? this.targets.get(routingKey.slice(REPLY_TO_PREFIX.length)) : undefined;
  }
}
