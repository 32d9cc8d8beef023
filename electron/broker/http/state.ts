// Everything the management API reads and changes: the AMQP server (vhosts,
// exchanges, queues, bindings, connections), the auth registry, the policies
// and the statistics sampler.
import type { AuthRegistry } from '../auth/index.js';
import type { ParameterStore } from '../definitions/parameters.js';
import type { PolicyStore } from '../policy/policies.js';
import type { AmqpServer } from '../server.js';
import type { Sampler } from '../stats/samples.js';

export interface Listener {
  protocol: 'amqp' | 'http';
  ip_address: string;
  port: number;
}

export interface ManagementState {
  readonly server: AmqpServer;
  readonly registry: AuthRegistry;
  readonly policies: PolicyStore;
  readonly parameters: ParameterStore;
  readonly sampler: Sampler;
  /** This broker's node name, e.g. warren@host. */
  readonly node: string;
  readonly startedAt: number;
  readonly listeners: Listener[];
}
