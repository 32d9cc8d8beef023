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

/** "billing-service #2" for the channel RabbitMQ names "127.0.0.1:56718 -> 127.0.0.1:5672 (2)". */
export function channelLabel(channelName: string, connectionName: string | null, labels: Map<string, string>): string {
  const connection = connectionName === null ? undefined : labels.get(connectionName);
  if (connection === undefined) return channelName;
  const number = /\((\d+)\)$/.exec(channelName)?.[1];
  return number === undefined ? connection : `${connection} #${number}`;
}
