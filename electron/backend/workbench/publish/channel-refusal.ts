/** What the broker said when it closed the channel: its reply code and its own words. */
export interface ChannelRefusal {
  replyCode: number;
  replyText: string;
}

/**
 * amqplib words a server close as `Channel closed by server: 404 (NOT-FOUND) with message "NOT_FOUND - ..."`;
 * the quoted part is the broker's text, which is what the user should read.
 */
export function refusalOf(err: Error & { code?: unknown }): ChannelRefusal | null {
  if (typeof err.code !== 'number') return null;
  return { replyCode: err.code, replyText: /with message "(.*)"$/s.exec(err.message)?.[1] ?? err.message };
}
