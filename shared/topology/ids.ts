/**
 * Node and edge ids of the topology graph, shared by the graph view, the
 * route explainer and the graph editor so all three name things alike.
 * Ids are unique within one vhost. Names are percent-encoded: a name may hold
 * spaces, dots, slashes, quotes or any unicode, and ids end up in DOM
 * attributes and CSS selectors where only a plain string is safe.
 */
const enc = encodeURIComponent;

export const exchangeNodeId = (name: string): string => `e:${enc(name)}`;
export const queueNodeId = (name: string): string => `q:${enc(name)}`;
/** The collapsed "+N queues" group of an exchange's fan-out. */
export const fanoutGroupNodeId = (exchange: string): string => `g:${enc(exchange)}`;

export type DestinationType = 'queue' | 'exchange';

export const destinationNodeId = (type: DestinationType, name: string): string =>
  type === 'queue' ? queueNodeId(name) : exchangeNodeId(name);

/** Binding arguments in a stable order, so the same binding always gets the same id. */
export function canonicalArguments(args: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(args).sort();
  return keys.length === 0 ? '' : JSON.stringify(keys.map((k) => [k, args[k]]));
}

export function bindingEdgeId(binding: {
  source: string;
  destination: string;
  destinationType: DestinationType;
  routingKey: string;
  arguments: Readonly<Record<string, unknown>>;
}): string {
  const to = destinationNodeId(binding.destinationType, binding.destination);
  return `b:${exchangeNodeId(binding.source)}>${to}~${enc(binding.routingKey)}~${enc(canonicalArguments(binding.arguments))}`;
}

/** Dead-lettering from a queue (or an exchange's alternate) to an exchange. */
export const deadLetterEdgeId = (fromNodeId: string, exchange: string): string => `dlx:${fromNodeId}>${exchangeNodeId(exchange)}`;
export const alternateEdgeId = (fromExchange: string, alternate: string): string => `ae:${exchangeNodeId(fromExchange)}>${exchangeNodeId(alternate)}`;
/** The edge from an exchange to its collapsed fan-out group. */
export const fanoutEdgeId = (exchange: string): string => `fan:${exchangeNodeId(exchange)}`;

export type NodeRef = { kind: 'exchange' | 'queue' | 'group'; name: string };

/** The kind and name an id was made from, or null for an id that is none of ours. */
export function parseNodeId(id: string): NodeRef | null {
  const match = /^([eqg]):(.*)$/.exec(id);
  if (!match) return null;
  const kind = match[1] === 'e' ? 'exchange' : match[1] === 'q' ? 'queue' : 'group';
  try {
    return { kind, name: decodeURIComponent(match[2] as string) };
  } catch {
    return null;
  }
}
