import { ApiError } from '../../../shared/api/errors.js';
import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import type { PlanResult } from '../../../shared/definitions/api.js';
import { diffModels } from '../../../shared/definitions/diff.js';
import { planImport } from '../../../shared/definitions/plan.js';
import { hasErrors, readDefinitions } from '../../../shared/definitions/read.js';
import type { ApplyProgress } from '../../../shared/topology/change.js';
import type { EventHub } from '../events.js';
import type { Logger } from '../logger.js';
import type { ManagementClient } from '../management/management-client.js';
import type { SessionController } from '../session/session-controller.js';
import { applyChanges } from '../topology/apply-changes.js';
import { applyOnEmbedded } from './apply-embedded.js';
import { fetchDefinitions, isEmbeddedBroker, queueDepths } from './broker-definitions.js';
import { exportFileName, exportText } from './export-file.js';
import { loadSide, scopeTo } from './load-side.js';

type DefinitionsHandlers = Pick<ConsoleHandlers, 'definitions.export' | 'definitions.validate' | 'definitions.plan' | 'definitions.compare' | 'definitions.apply'>;

/**
 * Export, import and compare of RabbitMQ definitions on the connected broker.
 * The import plan is always computed here, against the broker as it is now:
 * apply recomputes it rather than trusting a plan the page made earlier.
 */
export function definitionsHandlers(session: SessionController, hub: EventHub, log: Logger): DefinitionsHandlers {
  async function plan(management: ManagementClient, args: { text: string; vhost?: string | null | undefined; sync: boolean }): Promise<PlanResult> {
    const first = readDefinitions(args.text, { vhost: args.vhost ?? '/' });
    const empty = { changes: [], steps: [], diff: [], deletions: [] };
    if (!first.model || !first.summary) return { problems: first.problems, summary: null, ...empty };
    const vhost = first.summary.form === 'vhost' ? (args.vhost ?? '/') : null;
    let brokerDoc: Record<string, unknown>;
    try {
      brokerDoc = await fetchDefinitions(management, vhost);
    } catch (err) {
      if (vhost !== null && err instanceof Error && /HTTP 404/.test(err.message)) {
        return { problems: [{ path: '$', message: `vhost '${vhost}' does not exist on the broker: create it first, or import into another`, severity: 'error' }], summary: first.summary, ...empty };
      }
      throw err;
    }
    const broker = readDefinitions(JSON.stringify(brokerDoc), { vhost: vhost ?? '/' }).model;
    if (!broker) throw new ApiError('broker', 'The broker answered definitions Warren cannot read');
    const checked = readDefinitions(args.text, { vhost: vhost ?? '/', target: broker });
    if (hasErrors(checked.problems)) return { problems: checked.problems, summary: first.summary, ...empty };
    const messages = await queueDepths(management, vhost);
    const planned = planImport(checked.model!, broker, { sync: args.sync, messages, protectedUsers: [management.target.username] });
    return {
      problems: [...checked.problems, ...planned.notes],
      summary: first.summary,
      changes: planned.changes,
      steps: planned.steps,
      // Only what differs: on a large broker the unchanged items would be most of the answer.
      diff: planned.diff.filter((e) => e.status !== 'same'),
      deletions: planned.deletions,
    };
  }

  return {
    'definitions.export': async ({ vhost, includeUsers }) => {
      const { management } = session.broker();
      const doc = await fetchDefinitions(management, vhost);
      return { fileName: exportFileName(management.target.baseUrl, vhost), text: exportText(doc, includeUsers) };
    },

    'definitions.validate': async ({ text, vhost }) => {
      const read = readDefinitions(text, { vhost: vhost ?? '/' });
      return { problems: read.problems, summary: read.summary ?? null };
    },

    'definitions.plan': async (args) => plan(session.broker().management, args),

    'definitions.compare': async ({ left, right }) => {
      const management = () => session.broker().management;
      // A single-vhost file compared with a vhost stands for that vhost.
      const vhostOf = (side: typeof left) => (side.kind === 'broker' ? side.vhost : (side.vhost ?? null));
      const [l, r] = await Promise.all([loadSide(management, left, vhostOf(right)), loadSide(management, right, vhostOf(left))]);
      const problems = [l, r].flatMap((s) => s.problems.map((p) => ({ ...p, path: `${s.label}: ${p.path}` })));
      if (!l.model || !r.model) return { entries: [], problems, labels: [l.label, r.label] as [string, string] };
      let [lm, rm] = [l.model, r.model];
      // Two single-vhost sides compare as vhost contents, whatever their vhosts are called.
      if (l.form === 'vhost' && r.form === 'vhost' && l.vhost !== r.vhost) {
        rm = readDefinitions(right.kind === 'file' ? right.text : JSON.stringify(await fetchDefinitions(management(), right.vhost)), { vhost: l.vhost ?? '/' }).model!;
      }
      if (l.form === 'vhost' && r.form === 'broker') rm = scopeTo(rm, l.vhost ?? '/');
      if (l.form === 'broker' && r.form === 'vhost') lm = scopeTo(lm, r.vhost ?? '/');
      return { entries: diffModels(lm, rm), problems, labels: [l.label, r.label] as [string, string] };
    },

    'definitions.apply': async ({ applyId, ...args }) => {
      const { management } = session.broker();
      const planned = await plan(management, args);
      if (hasErrors(planned.problems)) {
        throw new ApiError('invalid_args', `The file has ${planned.problems.filter((p) => p.severity === 'error').length} problem(s): nothing was applied`, planned.problems.map((p) => ({ path: p.path, message: p.message })));
      }
      const onProgress = (progress: Omit<ApplyProgress, 'applyId'>) => hub.emit('definitions.progress', { applyId, ...progress });
      const embedded = await isEmbeddedBroker(management);
      const result = embedded
        ? await applyOnEmbedded(management, planned.changes, onProgress)
        : await applyChanges(management, planned.changes, { rollbackOnFailure: true, onProgress });
      const failed = result.outcomes.find((o) => o.status === 'failed');
      log.info('definitions imported', { changes: planned.changes.length, embedded, ok: result.ok, ...(failed ? { failedAt: failed.index, error: failed.error } : {}) });
      return { ...result, changes: planned.changes, steps: planned.steps, problems: planned.problems, mode: embedded ? 'definitions' : 'per-entity' };
    },
  };
}
