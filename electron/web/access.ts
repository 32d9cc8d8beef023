import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';

/**
 * Who may talk to the web host. The token proves the caller was handed the URL
 * we printed; the Host check stops DNS rebinding (a hostile site whose name
 * resolves to 127.0.0.1 sends its own name as Host); the Origin check stops
 * other pages in the same browser from opening our WebSocket with our cookie.
 */
export interface AccessPolicy {
  readonly token: string;
  readonly cookieName: string;
  /** Host header values we answer to, e.g. "127.0.0.1:8080", "localhost:8080". */
  readonly hosts: ReadonlySet<string>;
}

export function accessPolicy(token: string, host: string, port: number, machineNames: () => string[] = localNames): AccessPolicy {
  const names = ['127.0.0.1', 'localhost', '::1', host];
  // Bound to every interface on purpose (--host 0.0.0.0): this machine's own
  // names and addresses are fine; a rebinding attacker's domain still is not.
  if (host === '0.0.0.0' || host === '::') names.push(...machineNames());
  const hosts = new Set(names.map((name) => `${name.includes(':') ? `[${name}]` : name.toLowerCase()}:${port}`));
  // Cookies are not port-scoped: the port in the name keeps two instances apart.
  return { token, cookieName: `warren_session_${port}`, hosts };
}

function localNames(): string[] {
  const addresses = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
  return [os.hostname(), ...addresses];
}

export function sameSecret(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function hostAllowed(req: IncomingMessage, policy: AccessPolicy): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && policy.hosts.has(host.toLowerCase());
}

/** A browser always sends Origin on a WebSocket upgrade; it must be our own page. */
export function originAllowed(req: IncomingMessage, policy: AccessPolicy): boolean {
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.origin === origin.toLowerCase() && policy.hosts.has(url.host);
}

/** Every value sent for `cookieName` (a browser may send a stale one beside the current one). */
export function cookieValues(req: IncomingMessage, cookieName: string): string[] {
  const values: string[] = [];
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === cookieName) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export function hasSessionCookie(req: IncomingMessage, policy: AccessPolicy): boolean {
  return cookieValues(req, policy.cookieName).some((value) => sameSecret(value, policy.token));
}

export function sessionCookie(policy: AccessPolicy): string {
  return `${policy.cookieName}=${policy.token}; Path=/; HttpOnly; SameSite=Strict`;
}
