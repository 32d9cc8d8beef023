// The broker-wide budget for the messages of stored entries kept in memory.
// Every stored entry in a ready list whose message is resident is charged its
// estimated footprint; an entry that enters a ready list when the budget is
// spent is paged out instead (its message is read back from its segment when
// it is delivered). Transient messages are never charged nor paged.
import { parseInformationUnit } from '../flow/information-unit.js';
import type { Message } from '../message.js';

/** Small on purpose: resident messages cost resident memory well beyond their bytes (docs/storage.md). */
export const DEFAULT_MESSAGE_MEMORY_BUDGET = 16 * 1024 * 1024;

/**
 * What a resident message costs beyond its bytes: the Message object, its
 * decoded properties and two Buffer objects, as measured with 16-byte bodies
 * on Node 20 (heap used per message ≈ 440 bytes). Without it a million tiny
 * messages would look free.
 */
export const MESSAGE_OVERHEAD = 440;

export function messageCost(m: Message): number {
  return MESSAGE_OVERHEAD + m.body.length + m.propertiesBytes.length + m.exchange.length + m.routingKey.length;
}

/** `--message-memory-budget`: bytes, with RabbitMQ's information units (64MiB, 500MB, 1GiB). */
export function parseMessageMemoryBudget(text: string): number {
  const bytes = parseInformationUnit(text);
  if (bytes === undefined) throw new Error(`expected an amount of memory such as 64MiB or 67108864, got '${text}'`);
  return bytes;
}

export class MemoryBudget {
  /** Bytes charged now. */
  used = 0;

  constructor(readonly limit: number) {}

  /** Whether `cost` more bytes fit. */
  fits(cost: number): boolean {
    return this.used + cost <= this.limit;
  }

  get exceeded(): boolean {
    return this.used > this.limit;
  }
}
