/**
 * Finds which publish of a run a basic.return is about. Publishes without a message id get one
 * from Warren that names the run and the publish (`<tag>.<n>`), so their returns are matched
 * exactly. Publishes with the user's own id are matched by id and routing key to the earliest one
 * still unsettled: a channel returns messages in the order they were published, and always before
 * their confirm.
 */
export interface ReturnMatcher {
  /** The message id to publish with: the user's, or one that names publish n. */
  messageIdFor(n: number, own: string | undefined): string;
  sent(n: number, messageId: string, routingKey: string): void;
  /** Confirmed, nacked, or no longer worth remembering: a later return is not about it. */
  settled(n: number): void;
  match(messageId: string | undefined, routingKey: string): number | null;
}

const keyOf = (messageId: string, routingKey: string) => `${messageId}\u0000${routingKey}`;

export function createReturnMatcher(tag: string): ReturnMatcher {
  const prefix = `${tag}.`;
  const queues = new Map<string, number[]>();
  const keyOfPublish = new Map<number, string>();

  const drop = (key: string) => {
    const queue = queues.get(key);
    if (!queue) return;
    while (queue.length > 0 && !keyOfPublish.has(queue[0] as number)) queue.shift();
    if (queue.length === 0) queues.delete(key);
  };

  return {
    messageIdFor: (n, own) => own ?? `${prefix}${n}`,
    sent(n, messageId, routingKey) {
      if (messageId.startsWith(prefix)) return;
      const key = keyOf(messageId, routingKey);
      keyOfPublish.set(n, key);
      const queue = queues.get(key);
      if (queue) queue.push(n);
      else queues.set(key, [n]);
    },
    settled(n) {
      const key = keyOfPublish.get(n);
      if (key === undefined) return;
      keyOfPublish.delete(n);
      drop(key);
    },
    match(messageId, routingKey) {
      if (messageId === undefined) return null;
      if (messageId.startsWith(prefix)) {
        const n = Number(messageId.slice(prefix.length));
        return Number.isInteger(n) && n >= 1 ? n : null;
      }
      const key = keyOf(messageId, routingKey);
      const queue = queues.get(key);
      const n = queue?.find((candidate) => keyOfPublish.has(candidate));
      if (n === undefined) return null;
      keyOfPublish.delete(n);
      drop(key);
      return n;
    },
  };
}
