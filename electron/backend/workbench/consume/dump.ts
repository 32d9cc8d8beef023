import type { MessageProperties as AmqplibProperties } from 'amqplib';
import { ApiError } from '../../../../shared/api/errors.js';
import type { DumpResult, DumpedMessage } from '../../../../shared/model/workbench/surgery.js';
import { fromAmqplibProperties } from '../codec/properties.js';
import { toWireBytes } from '../codec/wire-bytes.js';
import type { HeldMessage, Holder } from '../held-messages.js';
import { toDumpLines } from './dump-lines.js';

export function dumpedMessage(held: HeldMessage & { body: Buffer }): DumpedMessage {
  const { properties, headers } = fromAmqplibProperties(held.raw.properties as unknown as AmqplibProperties);
  return {
    exchange: String(held.raw.fields['exchange'] ?? held.message.exchange),
    routingKey: String(held.raw.fields['routingKey'] ?? held.message.routingKey),
    properties,
    headers,
    body: toWireBytes(held.body),
    redelivered: held.message.redelivered,
    receivedAt: held.message.receivedAt,
  };
}

const firstFew = (seqs: number[]) => `${seqs.slice(0, 10).join(', ')}${seqs.length > 10 ? ` and ${seqs.length - 10} more` : ''}`;

/** The selected messages (all by default) as JSON lines with whole bodies; refused rather than written with a message missing. */
export function dumpHolder(holder: Holder, seqs: number[] | undefined, now = new Date()): DumpResult {
  const chosen = seqs === undefined ? holder.list() : seqs.map((seq) => holder.get(seq) ?? seq);
  const gone = chosen.filter((m): m is number => typeof m === 'number');
  if (gone.length > 0) throw new ApiError('not_found', `Messages ${firstFew(gone)} are no longer kept (dropped from the list): nothing was dumped`);
  const held = chosen as HeldMessage[];
  const cut = held.filter((m) => m.body === null).map((m) => m.message.seq);
  if (cut.length > 0) {
    throw new ApiError('bad_request', `The bodies of messages ${firstFew(cut)} were dropped to keep the backend within its memory budget: nothing was dumped; dump newer messages`);
  }
  const messages = held.map((m) => dumpedMessage(m as HeldMessage & { body: Buffer }));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return { fileName: `${holder.id}-${stamp}.jsonl`, jsonl: toDumpLines(messages), count: messages.length };
}
