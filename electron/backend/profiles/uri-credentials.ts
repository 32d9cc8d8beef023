/**
 * Splits credentials out of an AMQP URI ("amqp://user:pass@host/vhost").
 * Profiles keep the password in its own (encrypted) field, so the URI that is
 * stored and shown never carries one.
 */
export function splitUriCredentials(uri: string): { uri: string; username: string | null; password: string | null } {
  const url = new URL(uri);
  const username = url.username !== '' ? decodeURIComponent(url.username) : null;
  const password = url.password !== '' ? decodeURIComponent(url.password) : null;
  if (username === null && password === null) return { uri, username, password };
  url.username = '';
  url.password = '';
  return { uri: url.toString(), username, password };
}
