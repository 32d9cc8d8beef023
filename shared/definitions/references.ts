import { type Item, type Model, keyOf } from './model.js';
import type { Problem } from './problems.js';

const STANDARD_EXCHANGE_TYPES = new Set(['direct', 'fanout', 'topic', 'headers']);
const QUEUE_TYPES = new Set(['classic', 'quorum', 'stream']);
/** Exchanges every vhost has from the start; bindings may name them. */
const PREDECLARED = new Set(['amq.direct', 'amq.fanout', 'amq.topic', 'amq.headers', 'amq.match', 'amq.rabbitmq.trace']);

/**
 * What RabbitMQ's import would refuse: references to vhosts, users,
 * exchanges and queues that are neither in the file nor on the target
 * broker, duplicates, reserved names, unknown types and broken patterns.
 */
export function referenceProblems(model: Model, target?: Model): Problem[] {
  const problems: Problem[] = [];
  const err = (path: string, message: string) => problems.push({ path, message, severity: 'error' });
  const where = target ? 'neither in the file nor on the broker' : 'not in the file';

  const keys = new Set<string>();
  const has = (entity: Item['entity'], key: string) => keys.has(keyOf(entity, key));
  const seen = new Map<string, Set<string>>();
  for (const item of model.items) {
    const set = seen.get(item.entity) ?? new Set<string>();
    seen.set(item.entity, set);
    if (set.has(item.key)) err(item.path, `duplicate ${item.entity === 'binding' ? 'binding' : `${item.entity} '${item.name}'`}${item.vhost !== null ? ` in vhost '${item.vhost}'` : ''}`);
    set.add(item.key);
  }
  for (const item of [...(target?.items ?? []), ...model.items]) keys.add(keyOf(item.entity, item.key));

  // The default vhost exists on any broker that was not stripped of it; without a target it is assumed.
  const vhostKnown = (v: string) => has('vhost', keyOf(v)) || (model.form === 'vhost') || (!target && v === '/');
  const exchangeKnown = (v: string, name: string) => PREDECLARED.has(name) || has('exchange', keyOf(v, name));

  for (const item of model.items) {
    const p = item.props;
    if (item.vhost !== null && !vhostKnown(item.vhost)) err(`${item.path}.vhost`, `vhost '${item.vhost}' is ${where}`);
    switch (item.entity) {
      case 'permission':
      case 'topicPermission': {
        const user = item.key.split('\u0000')[0]!;
        if (!has('user', keyOf(user))) err(`${item.path}.user`, `user '${user}' is ${where}`);
        for (const field of ['configure', 'write', 'read']) if (typeof p[field] === 'string') regex(p[field], `${item.path}.${field}`, err);
        break;
      }
      case 'policy':
        regex(p.pattern as string, `${item.path}.pattern`, err);
        if (Object.keys(p.definition as object).length === 0) err(`${item.path}.definition`, 'is empty: a policy must set something');
        break;
      case 'exchange': {
        const type = p.type as string;
        if (item.name === '' || item.name.startsWith('amq.')) err(`${item.path}.name`, `exchange name '${item.name}' is reserved`);
        if (type.startsWith('x-')) {
          problems.push({ path: `${item.path}.type`, message: `exchange type '${type}' needs the RabbitMQ plugin that provides it`, severity: 'warning' });
        } else if (!STANDARD_EXCHANGE_TYPES.has(type)) {
          err(`${item.path}.type`, `unknown exchange type '${type}': RabbitMQ knows direct, fanout, topic and headers (and plugin types named x-…)`);
        }
        const alternate = (p.arguments as Record<string, unknown>)['alternate-exchange'];
        if (alternate !== undefined && typeof alternate !== 'string') err(`${item.path}.arguments["alternate-exchange"]`, 'must be a string');
        break;
      }
      case 'queue':
        if (item.name.startsWith('amq.')) err(`${item.path}.name`, `queue name '${item.name}' uses the reserved prefix 'amq.'`);
        if (!QUEUE_TYPES.has(p.type as string)) err(`${item.path}.arguments["x-queue-type"]`, `unknown queue type '${String(p.type)}'`);
        break;
      case 'binding': {
        const v = item.vhost!;
        const source = p.source as string;
        if (source === '') err(`${item.path}.source`, 'the default exchange cannot be bound explicitly');
        else if (!exchangeKnown(v, source)) err(`${item.path}.source`, `exchange '${source}' in vhost '${v}' is ${where}`);
        const destination = p.destination as string;
        const destKnown = p.destination_type === 'queue' ? has('queue', keyOf(v, destination)) : exchangeKnown(v, destination);
        if (!destKnown) err(`${item.path}.destination`, `${String(p.destination_type)} '${destination}' in vhost '${v}' is ${where}`);
        break;
      }
      default:
        break;
    }
  }
  return problems;
}

function regex(pattern: string, path: string, err: (path: string, message: string) => void): void {
  try {
    new RegExp(pattern);
  } catch (e) {
    err(path, `is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
  }
}
