// Everything the management API reads and changes: the AMQP server (vhosts,
// exchanges, queues, bindings, connections), the auth registry, the policies
// and the statistics sampler.
import type { AuthRegistry } from '../auth/index.js';
import type { ParameterStore } from '../definitions/parameters.js';
import type { PolicyStore } from '../policy/policies.js';
import type { AmqpServer } from '../server.js';
import type { Sampler } from '../stats/samples.js';
import type { VhostTraffic } from '../stats/traffic.js';

export interface Listener {
  protocol: 'amqp' | 'http';
  ip_address: string;
  port: number;
}

/** A vhost's description and tags (RabbitMQ 3.10 keeps these; default_queue_type it ignores). */
export interface VhostMetadata {
  description: string;
  tags: string[];
}

export interface ManagementState {
  readonly server: AmqpServer;
  readonly registry: AuthRegistry;
  readonly policies: PolicyStore;
  readonly parameters: ParameterStore;
  readonly vhostMetadata: Map<string, VhostMetadata>;
  readonly traffic: VhostTraffic;
  readonly sampler: Sampler;
  /** This broker's node name, e.g. warren@host. */
  readonly node: string;
  readonly startedAt: number;
  readonly listeners: Listener[];
}
