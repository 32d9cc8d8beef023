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
import { ScenarioId, ScenarioState, ScenariosList } from '../model/scenarios.js';
import { BrowseArgs, BrowseCapabilities, BrowseResult } from '../model/workbench/browse.js';
import { ConsumeMessages, ConsumeStartArgs, ConsumerState, MessageBodyArgs, MessageBodyResult, SettleArgs, SettleResult } from '../model/workbench/consume.js';
import { ReceivedMessage } from '../model/workbench/message.js';
import { BodyUploadArgs, PublishArgs, PublishProgress, PublishResult, PublishTemplate, SentMessage } from '../model/workbench/publish.js';
import { RpcArgs, RpcResult } from '../model/workbench/rpc.js';
import {
  DumpArgs,
  DumpResult,
  LoadArgs,
  LoadResult,
  SendBackArgs,
  SendBackResult,
  TransferArgs,
  TransferProgress,
  TransferResult,
} from '../model/workbench/surgery.js';

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

  /**
   * Publishes over AMQP, by default with confirms and mandatory, once, N times or at a rate;
   * progress comes as 'workbench.publishProgress' events carrying `publishId`.
   */
  'workbench.publish': method(PublishArgs, PublishResult),
  /** Stops a running publish after the message in flight; `cancelled` is false when it had finished. */
  'workbench.publishCancel': method(z.object({ publishId: z.string().min(1).max(64) }).strict(), z.object({ cancelled: z.boolean() })),
  /** One chunk of a body (or dump file) too large for one request; a publish or load then names the upload. */
  'workbench.bodyUpload': method(BodyUploadArgs, z.object({ uploadId: z.string(), received: z.number().int() })),
  /** The connected profile's saved publish forms. */
  'workbench.templates': method(none, z.object({ templates: z.array(PublishTemplate) })),
  'workbench.templateSave': method(PublishTemplate, z.object({ templates: z.array(PublishTemplate) })),
  'workbench.templateRemove': method(z.object({ id: z.string().min(1).max(64) }).strict(), z.object({ templates: z.array(PublishTemplate) })),
  /** What the connected profile published, newest first, to look at and resend. */
  'workbench.sent': method(none, z.object({ sent: z.array(SentMessage) })),

  /** Starts a consumer on a queue, or taps an exchange; deliveries come as 'workbench.messages' events. */
  'workbench.consumeStart': method(ConsumeStartArgs, ConsumerState),
  /** Cancels the consumer and closes its channel: pending manual-ack messages go back to the queue. */
  'workbench.consumeStop': method(z.object({ consumerId: z.string().min(1).max(64) }).strict(), ConsumerState),
  /** Pause cancels the subscription (pending messages stay unacked and listed); resume subscribes again. */
  'workbench.consumePause': method(z.object({ consumerId: z.string().min(1).max(64), paused: z.boolean() }).strict(), ConsumerState),
  /** The page's consumers, for a page that was reloaded. */
  'workbench.consumers': method(none, z.object({ consumers: z.array(ConsumerState) })),
  /** Forgets a stopped consumer's list. */
  'workbench.consumeClear': method(z.object({ consumerId: z.string().min(1).max(64) }).strict(), z.object({ cleared: z.boolean() })),
  /** The messages a consumer or browse keeps, oldest first: for a page that was reloaded. */
  'workbench.list': method(
    z.object({ holderId: z.string().min(1).max(64), afterSeq: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(100_000).default(10_000) }).strict(),
    z.object({ messages: z.array(ReceivedMessage) }),
  ),
  /** Ack, nack or reject a manual-ack consumer's messages. */
  'workbench.settle': method(SettleArgs, SettleResult),
  /** A slice of a message's whole body, for bodies larger than the preview. */
  'workbench.messageBody': method(MessageBodyArgs, MessageBodyResult),
  /** Reads the first messages of a queue: basic.get and requeue, or the embedded broker's side-effect-free peek. */
  'workbench.browse': method(BrowseArgs, BrowseResult),
  'workbench.browseCapabilities': method(none, BrowseCapabilities),

  /** Copies or moves selected messages, with confirms; progress comes as 'workbench.transferProgress'. */
  'workbench.transfer': method(TransferArgs, TransferResult),
  /** Stops a transfer, load or send-back after the message in flight. */
  'workbench.transferCancel': method(z.object({ transferId: z.string().min(1).max(64) }).strict(), z.object({ cancelled: z.boolean() })),
  'workbench.dump': method(DumpArgs, DumpResult),
  'workbench.load': method(LoadArgs, LoadResult),
  /** Dead-lettered messages back to the queues they died in, from their x-death headers. */
  'workbench.sendBack': method(SendBackArgs, SendBackResult),
  /** Publishes a request with reply-to and a correlation id, and waits for the reply. */
  'workbench.rpc': method(RpcArgs, RpcResult),

  /** RabbitMQ's tutorial patterns, and those running now. */
  'scenarios.list': method(none, ScenariosList),
  /** Declares the scenario's topology on `vhost` and starts its producers and consumers; states follow as 'scenarios.state'. */
  'scenarios.start': method(z.object({ id: ScenarioId, vhost: z.string().max(255) }).strict(), ScenarioState),
  /** Stops its producers and consumers; the topology stays, so the graph and charts can still be read. */
  'scenarios.stop': method(z.object({ id: ScenarioId }).strict(), ScenarioState),
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
  'workbench.publishProgress': PublishProgress,
  /** New deliveries of one consumer, batched, with its counts. */
  'workbench.messages': ConsumeMessages,
  /** A consumer stopped, failed (the broker closed its channel) or was paused. */
  'workbench.consumerState': ConsumerState,
  'workbench.transferProgress': TransferProgress,
  'scenarios.state': ScenarioState,
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
