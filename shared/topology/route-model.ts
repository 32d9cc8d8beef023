import { DEFAULT_EXCHANGE, isExchangeType, type RoutingBinding, type RoutingExchange, type RoutingModel } from '../routing/model.js';
import type { TopologyPolicy } from '../model/topology.js';
import { effectivePolicy } from './policy-match.js';

/**
 * The parts of one vhost's topology that routing depends on, in the shape
 * the management API lists them (names, JSON arguments). Structural, so a
 * topology snapshot, parsed definitions or a test fixture all fit.
 */
export interface RouteTopology {
  readonly exchanges: readonly {
    readonly name: string;
    readonly type: string;
    readonly internal: boolean;
    readonly arguments: Readonly<Record<string, unknown>>;
    /** The policy the broker says applies, when it says; otherwise it is worked out from the policies (policy-match.ts). */
    readonly policy?: string | null;
  }[];
  readonly queues: readonly { readonly name: string }[];
  readonly bindings: readonly {
    readonly source: string;
    readonly destination: string;
    readonly destinationType: 'queue' | 'exchange';
    readonly routingKey: string;
    readonly arguments: Readonly<Record<string, unknown>>;
  }[];
  readonly policies: readonly TopologyPolicy[];
}

/** Where an exchange's alternate exchange comes from: its argument wins over a policy, as in rabbit_policy:get_arg. */
export type AlternateSource = { readonly from: 'argument' } | { readonly from: 'policy'; readonly policy: string };

export interface RouteModel {
  readonly model: RoutingModel;
  /** Exchanges of a type shared/routing does not implement (plugins such as x-delayed-message): routing through them cannot be predicted. */
  readonly unsupported: ReadonlyMap<string, string>;
  readonly alternateSources: ReadonlyMap<string, AlternateSource>;
}

function alternateOf(
  x: RouteTopology['exchanges'][number],
  policies: readonly TopologyPolicy[],
): { exchange: string; source: AlternateSource } | undefined {
  const arg = x.arguments['alternate-exchange'];
  if (typeof arg === 'string') return { exchange: arg, source: { from: 'argument' } };
  const policy = effectivePolicy(policies, { kind: 'exchange', name: x.name }, x.policy);
  const fromPolicy = policy?.definition['alternate-exchange'];
  if (policy !== null && typeof fromPolicy === 'string') return { exchange: fromPolicy, source: { from: 'policy', policy: policy.name } };
  return undefined;
}

/** The shared/routing model of a topology: the very input the embedded broker routes with. */
export function routeModelOf(topology: RouteTopology): RouteModel {
  const unsupported = new Map<string, string>();
  const alternateSources = new Map<string, AlternateSource>();
  const exchanges: RoutingExchange[] = [];
  for (const x of topology.exchanges) {
    // The default exchange is implicit in shared/routing: it reaches queues by name.
    if (x.name === DEFAULT_EXCHANGE) continue;
    if (!isExchangeType(x.type)) {
      unsupported.set(x.name, x.type);
      continue;
    }
    const ae = alternateOf(x, topology.policies);
    if (ae !== undefined) alternateSources.set(x.name, ae.source);
    exchanges.push({ name: x.name, type: x.type, internal: x.internal, ...(ae === undefined ? {} : { alternateExchange: ae.exchange }) });
  }
  const bindings: RoutingBinding[] = topology.bindings
    .filter((b) => b.source !== DEFAULT_EXCHANGE)
    .map((b) => ({ source: b.source, destination: b.destination, destinationType: b.destinationType, routingKey: b.routingKey, arguments: b.arguments }));
  return { model: { exchanges, bindings, queues: topology.queues.map((q) => q.name) }, unsupported, alternateSources };
}
