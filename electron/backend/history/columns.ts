/**
 * What the store keeps per scope and point. Total is not stored (ready +
 * unacked). Rates are not stored either: full-resolution points keep the
 * counter increase since the previous sample, a small integer that packs
 * into one or two bytes; one-minute points keep the mean rate in messages
 * per minute.
 */
export const COL = {
  ready: 0,
  unacked: 1,
  bytes: 2,
  consumers: 3,
  publish: 4,
  deliver: 5,
  ack: 6,
  redeliver: 7,
} as const;

export const COLUMNS = 8;

/** The counter columns, in order: publish, deliver (deliver_get), ack, redeliver. */
export const COUNTER_COLUMNS = [COL.publish, COL.deliver, COL.ack, COL.redeliver] as const;
