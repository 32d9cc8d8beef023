import { scrubSecret } from '../scrub-secret.js';

/** Why an open connection ended, in words rather than amqplib's ("Unexpected close"). */
export function lossReason(err: Error | undefined, secret: string): string {
  if (!err) return 'it was closed.';
  if (/Unexpected close|ECONNRESET|EPIPE/.test(err.message)) return 'the connection dropped (the broker stopped, or the network cut it).';
  if (/CONNECTION.FORCED/.test(err.message)) return `the broker closed it: ${scrubSecret(err.message, secret)}`;
  if (/[Hh]eartbeat timeout/.test(err.message)) return 'the broker stopped answering (heartbeat timeout).';
  return scrubSecret(err.message, secret);
}
