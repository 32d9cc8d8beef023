import type { Options, SocketOptions } from 'amqplib';
import { vhostOfAmqpUri } from '../../../shared/model/profile.js';
import type { TlsMaterial } from '../tls/tls-material.js';

/** What a connection needs: the profile's URI without credentials, plus the credentials apart. */
export interface AmqpEndpoint {
  amqpUri: string;
  username: string;
  password: string;
  tls: TlsMaterial;
}

export const hostPort = (uri: string): string => {
  const url = new URL(uri);
  return `${url.hostname}:${url.port || (url.protocol === 'amqps:' ? 5671 : 5672)}`;
};

/**
 * amqplib's object form: credentials never go into a URL string, so no error
 * message amqplib builds from its URL can carry the password.
 */
export function amqpConnectArgs(endpoint: AmqpEndpoint, options: { timeoutMs: number; heartbeatS: number; connectionName: string }): [Options.Connect, SocketOptions] {
  const url = new URL(endpoint.amqpUri);
  const tls = url.protocol === 'amqps:';
  const connect: Options.Connect = {
    protocol: tls ? 'amqps' : 'amqp',
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : tls ? 5671 : 5672,
    username: endpoint.username,
    password: endpoint.password,
    // amqplib unescapes the vhost of the object form too, so it is passed escaped.
    vhost: encodeURIComponent(vhostOfAmqpUri(endpoint.amqpUri)),
    heartbeat: options.heartbeatS,
  };
  const socket: SocketOptions = {
    timeout: options.timeoutMs,
    clientProperties: { connection_name: options.connectionName },
    ...(tls ? endpoint.tls : {}),
  };
  return [connect, socket];
}
