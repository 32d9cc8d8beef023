/** "localhost:5672/shop" — the part of an AMQP URI that tells brokers apart, without credentials. */
export function hostOf(uri: string): string {
  try {
    const url = new URL(uri);
    const vhost = url.pathname.length > 1 ? url.pathname : '';
    return `${url.host}${decodeURIComponent(vhost)}`;
  } catch {
    return uri;
  }
}
