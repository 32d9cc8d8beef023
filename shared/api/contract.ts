import { z } from 'zod';
import { InventoryDelta } from '../inventory/delta.js';
import { EmbeddedLogLine, EmbeddedSettingsChange, EmbeddedState, ExampleTopologyResult } from '../model/embedded.js';
import { Inventory } from '../model/inventory.js';
import { ConnectionTestResult, Profile, ProfileInput } from '../model/profile.js';
import { SessionState } from '../model/session.js';
import { RouteConfirmArgs, RouteConfirmResult } from '../model/route-probe.js';
import { ApplyProgress, ApplyResult, Change } from '../topology/change.js';
import { ApplyArgs, CompareArgs, CompareResult, DefinitionsApplyResult, ExportArgs, ExportResult, PlanArgs, PlanResult, ValidateArgs, ValidateResult } from '../definitions/api.js';
import { TopologySnapshot } from '../model/topology.js';
import { AlertsChanged, AlertsResult, AlertsSaveArgs } from '../model/alerts.js';
import {
  HistoryAppended,
  HistoryEventsArgs,
  HistoryEventsResult,
  HistoryQueryArgs,
  HistoryQueryResult,
  HistorySettings,
  HistoryStatus,
  SparklinesArgs,
  SparklinesResult,
} from '../model/history.js';
import { QueueDeleteArgs, QueueMoveArgs, QueueMoveProgress, QueueMoveResult, QueueRef } from '../model/queue-actions.js';

/**
 * The console API: everything the renderer can ask the backend, declared once.
 * Both transports (Electron IPC, WebSocket) carry exactly these methods and events,
 * and validate every payload against these schemas.
 */
const method = <A extends z.ZodTypeAny, R extends z.ZodTypeAny>(args: A, result: R) => ({ args, result });

const none = z.object({}).strict();
const profileId = z.object({ id: z.string().min(1).max(64) }).strict();

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['electron', 'web']),
  dataDir: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const methods = {
  'app.info': method(none, AppInfo),

  'profiles.list': method(none, z.array(Profile)),
  'profiles.save': method(ProfileInput, Profile),
  'profiles.duplicate': method(profileId, Profile),
  'profiles.remove': method(profileId, z.object({ removed: z.boolean() })),
  /** Tests a saved profile, or unsaved form values (password absent = the stored one of `id`). */
  'profiles.test': method(ProfileInput, ConnectionTestResult),

  'session.connect': method(profileId, SessionState),
  'session.disconnect': method(none, SessionState),
  'session.retry': method(none, SessionState),
  'session.state': method(none, SessionState),

  'sampler.configure': method(
    z
      .object({
        intervalMs: z.number().int().min(500).max(60_000).optional(),
        /** The window is hidden: stop polling until it is shown again. */
        hidden: z.boolean().optional(),
      })
      .strict(),
    SessionState,
  ),

  /** The whole current inventory; views start from it and then follow `inventory.delta`. */
  'inventory.snapshot': method(none, z.object({ seq: z.number(), inventory: Inventory })),

  /** The embedded broker Warren runs in a process of its own: its state, ports, memory and settings. */
  'embedded.status': method(none, EmbeddedState),
  'embedded.start': method(none, EmbeddedState),
  'embedded.stop': method(none, EmbeddedState),
  'embedded.restart': method(none, EmbeddedState),
  /** Changes and persists settings; a running broker restarts when ports, bind address or memory change. */
  'embedded.configure': method(EmbeddedSettingsChange, EmbeddedState),
  /**
   * Stops the broker, deletes its data folder and starts it again. `dataDir` must name the folder
   * the UI showed in its confirmation, so a stale page can never delete another one.
   */
  'embedded.resetData': method(z.object({ dataDir: z.string().min(1).max(4096) }).strict(), EmbeddedState),
  /** The log tail, oldest first; `afterSeq` returns only newer lines. */
  'embedded.logs': method(
    z.object({ afterSeq: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.object({ lines: z.array(EmbeddedLogLine) }),
  ),
  /** Declares RabbitMQ's tutorial topologies on the embedded broker over AMQP; safe to run again. */
  'embedded.loadExamples': method(none, ExampleTopologyResult),

  /** One vhost's exchanges, queues, bindings and policies, for the topology graph. */
  'topology.snapshot': method(z.object({ vhost: z.string().max(255) }).strict(), TopologySnapshot),

  /** The route explainer's check: a real mandatory publish of a marked probe message, and what the broker did with it. */
  'route.confirm': method(RouteConfirmArgs, RouteConfirmResult),
  /**
   * Applies a change set to the connected broker in dependency order, stopping at the first refusal;
   * progress comes as 'topology.progress' events carrying `applyId`.
   */
  'topology.apply': method(
    z.object({ applyId: z.string().min(1).max(64), changes: z.array(Change).max(10_000), rollbackOnFailure: z.boolean().optional() }).strict(),
    ApplyResult,
  ),

  /** The broker's (or one vhost's) definitions as a sorted RabbitMQ definitions file. */
  'definitions.export': method(ExportArgs, ExportResult),
  /** Reads a definitions file: every problem with its JSON path. */
  'definitions.validate': method(ValidateArgs, ValidateResult),
  /** What importing a file into the connected broker would change, in the order it would be applied. */
  'definitions.plan': method(PlanArgs, PlanResult),
  /** Two of file / broker / vhost side by side. */
  'definitions.compare': method(CompareArgs, CompareResult),
  /** Imports a file; progress comes as 'definitions.progress' events carrying `applyId`. */
  'definitions.apply': method(ApplyArgs, DefinitionsApplyResult),

  /** Empties a queue (management API); the count to confirm comes from the inventory the page shows. */
  'queue.purge': method(QueueRef, z.object({ purged: z.literal(true) })),
  /** Deletes a queue; the broker refuses with its reason when `ifEmpty` / `ifUnused` do not hold. */
  'queue.delete': method(QueueDeleteArgs, z.object({ deleted: z.literal(true) })),
  /**
   * Moves every message to another queue of the vhost over AMQP with publisher confirms; the source
   * is acked only after the target confirmed, so an interruption loses nothing. Progress comes as
   * 'queue.moveProgress' events carrying `moveId`.
   */
  'queue.move': method(QueueMoveArgs, QueueMoveResult),
  /** Stops a running move after its batch in flight; `cancelled` is false when it had finished. */
  'queue.moveCancel': method(z.object({ moveId: z.string().min(1).max(64) }).strict(), z.object({ cancelled: z.boolean() })),

  /**
   * The history Warren recorded for the connected profile: one scope's series over [from, to],
   * full resolution for the last hour and one-minute points before it, averaged down to maxPoints.
   */
  'history.query': method(HistoryQueryArgs, HistoryQueryResult),
  /** Markers for what Warren saw happen in a scope over [from, to]: consumer changes, purges, policy changes, queues created or deleted, counter resets. */
  'history.events': method(HistoryEventsArgs, HistoryEventsResult),
  /** One metric of many queues over the last minutes, in a few buckets each: the queue table's sparklines. */
  'history.sparklines': method(SparklinesArgs, SparklinesResult),
  /** Retention and the size of the connected profile's history. */
  'history.status': method(none, HistoryStatus),
  /** Changes and persists the retention; older points are dropped at once. */
  'history.configure': method(HistorySettings.strict(), HistoryStatus),

  /** The selected profile's alert rules (per queue) and whether each fires now. */
  'alerts.list': method(none, AlertsResult),
  /** Replaces the selected profile's rules; states follow as 'alerts.changed'. */
  'alerts.save': method(AlertsSaveArgs, AlertsResult),
} as const;

export const events = {
  'session.state': SessionState,
  'inventory.delta': InventoryDelta,
  'embedded.state': EmbeddedState,
  'embedded.log': EmbeddedLogLine,
  'topology.progress': ApplyProgress,
  'definitions.progress': ApplyProgress,
  'queue.moveProgress': QueueMoveProgress,
  /** After each recorded sample: live charts refetch from their last point, sparklines every few seconds. */
  'history.appended': HistoryAppended,
  /** A rule started or stopped firing, or the rules were saved. */
  'alerts.changed': AlertsChanged,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;
export type ArgsOf<M extends MethodName> = z.input<Methods[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Methods[M]['args']>;
export type ResultOf<M extends MethodName> = z.output<Methods[M]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const isMethodName = (value: unknown): value is MethodName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(methods, value);
export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);

/** What the backend implements: one async function per method, arguments already validated. */
export type ConsoleHandlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> };

/** What the renderer calls: one async function per method, typed from the schemas. */
export type ConsoleClient = {
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
