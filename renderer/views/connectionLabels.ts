import type { ConnectionRow } from '../../shared/model/inventory.js';

/**
 * Connection name → the name its client gave it ("billing-service"), when it
 * gave one: far easier to recognise than "127.0.0.1:56718 -> 127.0.0.1:5672".
 */
export function connectionLabels(connections: readonly ConnectionRow[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const c of connections) if (c.clientName) labels.set(c.name, c.clientName);
  return labels;
}

/** How a connection is called in a narrow column: its client-given name, else the client's address. */
export function connectionLabel(connectionName: string, labels: Map<string, string>): string {
  return labels.get(connectionName) ?? connectionName.split(' -> ')[0] ?? connectionName;
}

/**
 * "billing-service #2" (or "127.0.0.1:56718 #2") for the channel RabbitMQ
 * names "127.0.0.1:56718 -> 127.0.0.1:5672 (2)": the number stays visible.
 */
export function channelLabel(channelName: string, connectionName: string | null, labels: Map<string, string>): string {
  const number = /\((\d+)\)$/.exec(channelName)?.[1];
  if (connectionName === null || number === undefined) return channelName;
  return `${connectionLabel(connectionName, labels)} #${number}`;
}
