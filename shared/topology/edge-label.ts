/**
 * The text on a binding edge: the routing key, or for a headers exchange the
 * match mode and the header values ("all: format=pdf, type=report"). Fanout
 * ignores the key, so its edges carry none.
 */
export function bindingLabel(exchangeType: string, routingKey: string, args: Readonly<Record<string, unknown>>): string {
  if (exchangeType === 'fanout') return '';
  if (exchangeType === 'headers') {
    const match = typeof args['x-match'] === 'string' ? args['x-match'] : 'all';
    const pairs = Object.keys(args)
      .filter((k) => !k.startsWith('x-'))
      .sort()
      .map((k) => `${k}=${formatValue(args[k])}`);
    return pairs.length === 0 ? `${match}: (any message)` : `${match}: ${pairs.join(', ')}`;
  }
  // An empty key is a real key (it matches only empty routing keys); show it as such.
  return routingKey === '' ? '""' : routingKey;
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
