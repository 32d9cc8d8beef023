import { useEffect, useMemo, useState } from 'react';
import type { DefinitionsApplyResult, PlanResult } from '../../../shared/definitions/api.js';
import { ENTITIES, ENTITY_LABELS } from '../../../shared/definitions/model.js';
import { Switch } from '../../components/Switch.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient, useConsole } from '../../state/StoreProvider.js';
import { FilePicker, type PickedFile } from './FilePicker.js';
import { ACTION_LABEL, plural } from './labels.js';
import { PlanView, type StepStatus } from './PlanView.js';
import { ProblemList } from './ProblemList.js';
import { SyncConfirm } from './SyncConfirm.js';
import { useApplyProgress } from './useApplyProgress.js';
import { VhostSelect } from './VhostSelect.js';

/** Import: a file, its problems, the plan against the connected broker, then apply with progress. */
export function ImportPanel() {
  const client = useClient();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [vhost, setVhost] = useState('/');
  const [sync, setSync] = useState(false);
  const [plan, setPlan] = useState<PlanResult | null>(null);
  const [planning, setPlanning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [applyId, setApplyId] = useState<string | null>(null);
  const [result, setResult] = useState<DefinitionsApplyResult | null>(null);
  const progress = useApplyProgress(applyId);
  const connected = useConsole((s) => s.session?.status === 'connected');
  const running = applyId !== null && result === null;

  useEffect(() => {
    if (!file) return undefined;
    let current = true;
    setPlanning(true);
    setFailure(null);
    client.call('definitions.plan', { text: file.text, vhost, sync }).then(
      (p) => current && setPlan(p),
      (err: unknown) => current && (setPlan(null), setFailure(errorMessage(err))),
    ).finally(() => current && setPlanning(false));
    return () => {
      current = false;
    };
  }, [client, file, vhost, sync, result]);

  const pick = (picked: PickedFile) => {
    setFile(picked);
    setResult(null);
    setApplyId(null);
  };

  const errors = plan?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const steps = result?.steps ?? plan?.steps ?? [];
  const recreations = (plan?.steps ?? []).filter((s) => s.action === 'recreate-delete' && (s.messages ?? 0) > 0);
  const counts = useMemo(() => {
    const c = { create: 0, change: 0, delete: 0 };
    for (const s of steps) {
      if (s.action === 'create') c.create++;
      else if (s.action === 'delete') c.delete++;
      else if (s.action !== 'recreate-delete') c.change++;
    }
    return c;
  }, [steps]);

  const apply = async () => {
    if (!file) return;
    setConfirming(false);
    const id = `defs-${Date.now().toString(36)}`;
    setApplyId(id);
    setResult(null);
    setFailure(null);
    try {
      setResult(await client.call('definitions.apply', { text: file.text, vhost, sync, applyId: id }));
    } catch (err) {
      setFailure(errorMessage(err));
      setApplyId(null);
    }
  };
  const askOrApply = () => {
    if ((plan?.deletions.length ?? 0) > 0 || recreations.length > 0) setConfirming(true);
    else void apply();
  };

  const status = (index: number): StepStatus | null => {
    if (result) return result.outcomes[index]?.status ?? null;
    if (!running) return null;
    return progress?.current === index ? 'running' : 'pending';
  };
  const errorsByStep = new Map((result?.outcomes ?? []).filter((o) => o.error).map((o) => [o.index, o.error!] as const));
  const outcomeCount = (s: string) => result?.outcomes.filter((o) => o.status === s).length ?? 0;

  return (
    <div className="defs-panel">
      <div className="defs-controls">
        <FilePicker label="Choose a definitions file" file={file} onPick={pick} />
        {plan?.summary ? (
          <p className="defs-summary" aria-label="File summary">
            <strong>{plan.summary.form === 'broker' ? 'Whole broker' : 'Single vhost'}</strong>
            {plan.summary.version ? ` · RabbitMQ ${plan.summary.version}` : ''}
            {' · '}
            {ENTITIES.filter((e) => plan.summary!.counts[e] > 0).map((e) => plural(plan.summary!.counts[e], ENTITY_LABELS[e][0], ENTITY_LABELS[e][1].toLowerCase())).join(', ')}
          </p>
        ) : null}
        <div className="defs-options">
          {plan?.summary?.form === 'vhost' ? <VhostSelect label="Import into vhost" value={vhost} onChange={setVhost} /> : null}
          <Switch checked={sync} onChange={setSync} label="Sync: also delete what the file lacks" />
        </div>
      </div>

      {!connected ? <p className="banner banner--warn">Connect to a broker to plan and apply an import.</p> : null}
      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : null}
      {plan ? <ProblemList problems={plan.problems} title="Warnings" /> : null}

      {plan && errors === 0 && file ? (
        <section className="defs-plan-section" aria-label="Plan">
          <div className="defs-plan-head">
            <h3 className="defs-section-title">
              {steps.length === 0 ? 'The broker already matches the file' : `Plan: ${plural(steps.length, 'change')}`}
            </h3>
            {steps.length > 0 ? (
              <span className="defs-counts">
                <span className="defs-badge defs-badge--create">{counts.create} create</span>
                <span className="defs-badge defs-badge--change">{counts.change} change</span>
                <span className="defs-badge defs-badge--delete">{counts.delete} delete</span>
              </span>
            ) : null}
            <span className="defs-row__spacer" />
            {result ? (
              // The plan was recomputed against the broker as the import left it: what is still missing can be applied again.
              <button
                type="button"
                className="button"
                onClick={() => {
                  setResult(null);
                  setApplyId(null);
                }}
              >
                Plan again
              </button>
            ) : (
              <button type="button" className="button button--primary" disabled={steps.length === 0 || running || planning || !connected} onClick={askOrApply}>
                {running ? 'Applying…' : `Apply ${plural(steps.length, 'change')}`}
              </button>
            )}
          </div>
          {running || result ? <ApplyBar done={result ? outcomeCount('applied') + outcomeCount('rolled-back') : (progress?.done ?? 0)} total={steps.length} phase={result ? (result.ok ? 'done' : 'stopped') : (progress?.phase ?? 'applying')} /> : null}
          {result ? (
            <div className={`banner ${result.ok ? '' : 'banner--error'} defs-result`} role="status">
              {result.ok ? `Imported: ${plural(outcomeCount('applied'), 'change')} applied${result.mode === 'definitions' ? ' in one all-or-nothing import' : ''}.` : <Stopped result={result} />}
            </div>
          ) : null}
          <PlanView steps={steps} status={status} errors={errorsByStep} />
        </section>
      ) : null}
      <SyncConfirm open={confirming} deletions={plan?.deletions ?? []} recreations={recreations} onConfirm={() => void apply()} onCancel={() => setConfirming(false)} />
    </div>
  );
}

/** Where an import stopped, why, and what was done before it: the failed change itself may be far down the plan. */
function Stopped({ result }: { result: DefinitionsApplyResult }) {
  const count = (s: string) => result.outcomes.filter((o) => o.status === s).length;
  const failed = result.outcomes.filter((o) => o.status === 'failed');
  const first = failed[0] ? result.steps[failed[0].index] : undefined;
  const done = result.outcomes.filter((o) => o.status === 'applied').map((o) => result.steps[o.index]!);
  return (
    <div>
      <strong>Stopped: the broker refused {failed.length > 1 ? `${failed.length} changes` : first ? `${ACTION_LABEL[first.action].toLowerCase()} ${ENTITY_LABELS[first.entity][0]} ${first.name}` : 'a change'}.</strong>{' '}
      {failed.length === 1 && failed[0]!.error ? <span>{failed[0]!.error} </span> : null}
      {count('applied') + count('rolled-back') === 0
        ? 'Nothing was applied.'
        : `${count('applied')} applied, ${count('rolled-back')} rolled back, ${count('not-attempted')} not attempted.`}
      {done.length > 0 ? (
        <span className="defs-done">
          Done: {done.map((s) => `${ACTION_LABEL[s.action].toLowerCase()} ${ENTITY_LABELS[s.entity][0]} ${s.name}`).join('; ')}
        </span>
      ) : null}
    </div>
  );
}

function ApplyBar({ done, total, phase }: { done: number; total: number; phase: string }) {
  const label = phase === 'rolling-back' ? 'Rolling back' : phase === 'done' ? 'Finished' : phase === 'stopped' ? 'Stopped' : 'Applying';
  return (
    <div className="defs-progress">
      <progress className="defs-progress__bar" max={Math.max(total, 1)} value={done} aria-label={`${label}: ${done} of ${total}`} />
      <span className="defs-progress__text num">
        {label} · {done}/{total}
      </span>
    </div>
  );
}
