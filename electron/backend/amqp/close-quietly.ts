import type { ChannelModel } from 'amqplib';

/**
 * Closes a connection, never throwing and never waiting more than `ms`:
 * amqplib's close() does not settle when the socket died just before it
 * (it waits for a close-ok that cannot come).
 */
export async function closeQuietly(connection: ChannelModel, ms = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    connection.close().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
