/**
 * What the server said when it closed a channel or a connection, pulled out
 * of amqplib's errors so scenarios can compare reply codes and texts exactly.
 */
export interface ServerClose {
  readonly code: number;
  readonly text: string;
}

const WITH_MESSAGE = /(\d{3}) \([A-Z-]+\) with message "([\s\S]*)"$/;

export function serverClose(err: unknown): ServerClose {
  const message = err instanceof Error ? err.message : String(err);
  const m = WITH_MESSAGE.exec(message);
  if (m === null) throw new Error(`not a server close: ${message}`);
  return { code: Number(m[1]), text: m[2] as string };
}

/** The close an RPC was refused with. Fails if it succeeded. */
export async function refusal(p: Promise<unknown>): Promise<ServerClose> {
  try {
    await p;
  } catch (err) {
    return serverClose(err);
  }
  throw new Error('expected the server to refuse, but the operation succeeded');
}

/** Resolves with the server's close once `emitter` (a channel or connection) reports an error; fails if none comes in time. */
export function nextClose(
  emitter: { once(event: 'error', fn: (err: Error) => void): unknown },
  timeoutMs = 5000,
): Promise<ServerClose> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not close within ${timeoutMs} ms`)), timeoutMs);
    emitter.once('error', (err: Error) => {
      clearTimeout(timer);
      try {
        resolve(serverClose(err));
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}
