import { ApiError } from '../../../shared/api/errors.js';
import type { ApplyProgress, ApplyResult, Change, ChangeOutcome } from '../../../shared/topology/change.js';
import { canonicalArguments } from '../../../shared/topology/ids.js';
import { dependencyOrder } from '../../../shared/topology/order-changes.js';
import { HttpRequestError, type JsonRequest } from '../management/http-request.js';
import type { ManagementClient } from '../management/management-client.js';
import {
  type BindingEnds,
  bindingsPath,
  exchangePath,
  globalParameterPath,
  parameterPath,
  permissionPath,
  policyPath,
  queuePath,
  requestFor,
  seg,
  topicPermissionPath,
  userPath,
  vhostPath,
} from './change-requests.js';

type Management = Pick<ManagementClient, 'send'>;

export interface ApplyOptions {
  onProgress?: (progress: Omit<ApplyProgress, 'applyId'>) => void;
  /** On a refusal, delete again what this run created (newest first). Deleted things are not restored. */
  rollbackOnFailure?: boolean;
}

type Binding = BindingEnds & { routingKey: string; arguments: Record<string, unknown> };

/**
 * Applies a change set in dependency order, one management request per change
 * (two for an unbind; a topic permission delete also puts back the user's
 * others in the vhost), and stops at the first refusal: that change carries the
 * broker's reason, the ones after it are not attempted. Outcomes are indexed
 * as the caller's set, whatever order they ran in.
 */
export async function applyChanges(management: Management, changes: readonly Change[], options: ApplyOptions = {}): Promise<ApplyResult> {
  const order = dependencyOrder(changes);
  const total = changes.length;
  const outcomes: ChangeOutcome[] = changes.map((_, index) => ({ index, status: 'not-attempted' }));
  /** How to take back each applied change that created something, by index. */
  const undo = new Map<number, () => Promise<void>>();
  /** Entities this run deleted: declaring one again is a recreation, which a rollback must not delete. */
  const deleted = new Set<string>();
  let done = 0;
  let failed = false;

  for (const index of order) {
    const change = changes[index] as Change;
    options.onProgress?.({ done, total, current: index, phase: 'applying' });
    try {
      const undoIt = options.rollbackOnFailure ? await undoFor(management, change, deleted) : null;
      await apply(management, change);
      if (undoIt) undo.set(index, undoIt);
      if (change.kind === 'deleteExchange' || change.kind === 'deleteQueue') deleted.add(`${change.kind} ${change.vhost} ${change.name}`);
      outcomes[index] = { index, status: 'applied' };
      done++;
    } catch (err) {
      outcomes[index] = { index, status: 'failed', error: reasonOf(err) };
      failed = true;
      break;
    }
  }

  if (failed && options.rollbackOnFailure) {
    const applied = order.filter((i) => undo.has(i)).reverse();
    for (const index of applied) {
      options.onProgress?.({ done, total, current: index, phase: 'rolling-back' });
      try {
        await (undo.get(index) as () => Promise<void>)();
        outcomes[index] = { index, status: 'rolled-back' };
      } catch (err) {
        outcomes[index] = { index, status: 'applied', error: `Could not roll back: ${reasonOf(err)}` };
      }
    }
  }
  options.onProgress?.({ done, total, current: null, phase: 'done' });
  return { ok: !failed, outcomes };
}

async function apply(management: Management, change: Change): Promise<void> {
  if (change.kind === 'deleteTopicPermission' && change.exchange !== undefined) {
    await deleteTopicPermission(management, change.vhost, change.user, change.exchange);
    return;
  }
  if (change.kind !== 'unbind') {
    await management.send(requestFor(change));
    return;
  }
  const key = change.propertiesKey ?? (await propertiesKeyOf(management, change));
  if (key === null) {
    throw new ApiError('broker', `No binding from "${change.source}" to ${change.destinationType} "${change.destination}" with routing key "${change.routingKey}" and these arguments`);
  }
  await management.send({ method: 'DELETE', path: `${bindingsPath(change)}/${seg(key)}` });
}

type TopicPermission = { exchange: string; write: string; read: string };

/** The user's topic permissions in the vhost, one per exchange; none when the broker answers 404. */
async function topicPermissionsOf(management: Management, vhost: string, user: string): Promise<TopicPermission[]> {
  try {
    const { json } = await management.send({ method: 'GET', path: topicPermissionPath(vhost, user) });
    if (!Array.isArray(json)) throw new ApiError('broker', `${topicPermissionPath(vhost, user)} did not answer a list`);
    return (json as Partial<TopicPermission>[]).map((p) => ({ exchange: p.exchange ?? '', write: p.write ?? '', read: p.read ?? '' }));
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
}

/**
 * The management API deletes all of a user's topic permissions in a vhost at
 * once: the ones on other exchanges are put back after.
 */
async function deleteTopicPermission(management: Management, vhost: string, user: string, exchange: string): Promise<void> {
  const all = await topicPermissionsOf(management, vhost, user);
  if (!all.some((p) => p.exchange === exchange)) throw new ApiError('broker', `User "${user}" has no topic permission on exchange "${exchange}" in vhost "${vhost}"`);
  await management.send({ method: 'DELETE', path: topicPermissionPath(vhost, user) });
  for (const p of all) {
    if (p.exchange !== exchange) await management.send({ method: 'PUT', path: topicPermissionPath(vhost, user), body: p });
  }
}

/** The properties key of the binding with this routing key and these arguments, or null when there is none. */
async function propertiesKeyOf(management: Management, binding: Binding): Promise<string | null> {
  const { json } = await management.send({ method: 'GET', path: bindingsPath(binding) });
  if (!Array.isArray(json)) throw new ApiError('broker', `${bindingsPath(binding)} did not answer a list`);
  const wanted = canonicalArguments(binding.arguments);
  for (const row of json as { routing_key?: unknown; arguments?: unknown; properties_key?: unknown }[]) {
    const args = (row.arguments ?? {}) as Record<string, unknown>;
    if (row.routing_key === binding.routingKey && canonicalArguments(args) === wanted && typeof row.properties_key === 'string') return row.properties_key;
  }
  return null;
}

/**
 * What takes a change back, when it creates something that was not there:
 * asked before applying it. Updates of existing things and deletions have no
 * undo: the broker keeps no earlier version to restore.
 */
async function undoFor(management: Management, change: Change, deleted: ReadonlySet<string>): Promise<(() => Promise<void>) | null> {
  const deleteIfNew = async (path: string): Promise<(() => Promise<void>) | null> =>
    (await exists(management, path)) ? null : async () => void (await management.send({ method: 'DELETE', path }));
  switch (change.kind) {
    case 'declareExchange':
      return deleted.has(`deleteExchange ${change.vhost} ${change.name}`) ? null : deleteIfNew(exchangePath(change.vhost, change.name));
    case 'declareQueue':
      return deleted.has(`deleteQueue ${change.vhost} ${change.name}`) ? null : deleteIfNew(queuePath(change.vhost, change.name));
    case 'bind':
      if (await bindingExists(management, change)) return null;
      return () => apply(management, { ...change, kind: 'unbind' });
    case 'putVhost':
      return deleteIfNew(vhostPath(change.name));
    case 'putUser':
      return deleteIfNew(userPath(change.name));
    case 'putPermission':
      return deleteIfNew(permissionPath(change.vhost, change.user));
    case 'putPolicy':
      return deleteIfNew(policyPath(change.vhost, change.name));
    case 'putTopicPermission':
      if ((await topicPermissionsOf(management, change.vhost, change.user)).some((p) => p.exchange === change.exchange)) return null;
      return () => deleteTopicPermission(management, change.vhost, change.user, change.exchange);
    case 'putParameter':
      return deleteIfNew(parameterPath(change.component, change.vhost, change.name));
    case 'putGlobalParameter':
      return deleteIfNew(globalParameterPath(change.name));
    default:
      return null;
  }
}

async function bindingExists(management: Management, binding: Binding): Promise<boolean> {
  try {
    return (await propertiesKeyOf(management, binding)) !== null;
  } catch (err) {
    // An end that does not exist yet has no bindings; the bind itself says what is wrong.
    if (isNotFound(err)) return false;
    throw err;
  }
}

async function exists(management: Management, path: string): Promise<boolean> {
  const request: JsonRequest = { method: 'GET', path };
  try {
    await management.send(request);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

function isNotFound(err: unknown): boolean {
  const cause = err instanceof ApiError ? err.cause : err;
  return cause instanceof HttpRequestError && cause.status === 404;
}

function reasonOf(err: unknown): string {
  const cause = err instanceof ApiError ? err.cause : err;
  // Reads already succeeded with these credentials: a 401 on a write is the broker refusing this change
  // (a reserved amq. name, or no configure/write permission on the vhost), not a login problem.
  if (cause instanceof HttpRequestError && cause.status === 401) {
    return `Refused by the broker (HTTP 401): ${brokerReason(cause.body) ?? 'access refused'}. The name may be reserved (amq.*), or the user may lack the permission for it.`;
  }
  return err instanceof Error ? err.message : String(err);
}

function brokerReason(body: string | null): string | null {
  try {
    const reason = (JSON.parse(body ?? '') as { reason?: unknown }).reason;
    return typeof reason === 'string' ? reason.replace(/\.$/, '') : null;
  } catch {
    return null;
  }
}
