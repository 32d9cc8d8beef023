/**
 * The x-arguments a queue declaration knows, with their types, so the form
 * can offer a typed field instead of a free key/value row. The broker reads
 * numbers as numbers: "60000" as a string is refused for x-message-ttl.
 */
export type ArgumentSpec = {
  key: string;
  label: string;
  kind: 'integer' | 'string' | 'boolean' | 'choice';
  unit?: string;
  choices?: readonly string[];
  /** Offer the vhost's exchange names. */
  exchange?: boolean;
  hint: string;
};

export const QUEUE_ARGUMENTS: readonly ArgumentSpec[] = [
  { key: 'x-queue-type', label: 'Queue type', kind: 'choice', choices: ['classic', 'quorum', 'stream'], hint: 'Classic, quorum (replicated) or stream.' },
  { key: 'x-message-ttl', label: 'Message TTL', kind: 'integer', unit: 'ms', hint: 'Messages older than this are dropped or dead-lettered.' },
  { key: 'x-expires', label: 'Auto-expire', kind: 'integer', unit: 'ms', hint: 'The queue is deleted after this long unused.' },
  { key: 'x-max-length', label: 'Max length', kind: 'integer', unit: 'messages', hint: 'Ready messages kept at most.' },
  { key: 'x-max-length-bytes', label: 'Max length bytes', kind: 'integer', unit: 'bytes', hint: 'Total body size of ready messages kept at most.' },
  { key: 'x-overflow', label: 'Overflow', kind: 'choice', choices: ['drop-head', 'reject-publish', 'reject-publish-dlx'], hint: 'What happens when a limit is reached.' },
  { key: 'x-dead-letter-exchange', label: 'Dead-letter exchange', kind: 'string', exchange: true, hint: 'Where expired and rejected messages are republished.' },
  { key: 'x-dead-letter-routing-key', label: 'Dead-letter routing key', kind: 'string', hint: 'Replaces the routing key of dead-lettered messages.' },
  { key: 'x-max-priority', label: 'Max priority', kind: 'integer', hint: '1–255: makes this a priority queue.' },
  { key: 'x-queue-mode', label: 'Queue mode', kind: 'choice', choices: ['default', 'lazy'], hint: 'Lazy keeps messages on disk (classic queues).' },
  { key: 'x-single-active-consumer', label: 'Single active consumer', kind: 'boolean', hint: 'Only one consumer receives at a time.' },
];

export const EXCHANGE_ARGUMENTS: readonly ArgumentSpec[] = [
  { key: 'alternate-exchange', label: 'Alternate exchange', kind: 'string', exchange: true, hint: 'Receives the messages this exchange cannot route.' },
];
