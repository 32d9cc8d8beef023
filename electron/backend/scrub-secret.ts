import { redact } from './logger.js';

/**
 * Removes a password from any text about to leave the backend. Client
 * libraries may echo the URL they were given, and a password can appear
 * percent-encoded as well as plain.
 */
export function scrubSecret(text: string, secret: string): string {
  let out = redact(text) as string;
  if (secret.length === 0) return out;
  for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('***');
  return out;
}

/**
 * What to scrub for a user's credentials. A password equal to the user name
 * (guest/guest) is already visible wherever the user name is, and scrubbing
 * it would garble every message naming the user ("user ***").
 */
export function secretOf(credentials: { username: string; password: string }): string {
  return credentials.password === credentials.username ? '' : credentials.password;
}
