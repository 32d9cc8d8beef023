import { isIP } from 'node:net';

/**
 * RabbitMQ's loopback_users: these users may only log in over a loopback
 * connection (rabbit_net:is_loopback/1: 127.0.0.0/8, ::1, and IPv4-mapped
 * 127.x). Default ["guest"], so the well-known guest/guest cannot be used
 * from another host.
 */
export const DEFAULT_LOOPBACK_USERS: readonly string[] = ['guest'];

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const a = address.toLowerCase();
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice('::ffff:'.length) : a;
  return isIP(v4) === 4 && v4.startsWith('127.');
}
