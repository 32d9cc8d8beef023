/** Direct exchanges (and the default exchange) route on byte-exact equality of binding key and routing key. */
export function directMatches(bindingKey: string, routingKey: string): boolean {
  return bindingKey === routingKey;
}
