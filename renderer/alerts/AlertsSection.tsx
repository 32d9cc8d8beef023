import { useId, useState, type FormEvent } from 'react';
import type { AlertCondition, AlertRule } from '../../shared/model/alerts.js';
import { Switch } from '../components/Switch.js';
import { errorMessage } from '../state/consoleStore.js';
import { Section } from '../views/queue/Section.js';
import { describeCondition, MAX_SECONDS, UNIT_SECONDS, type DurationUnit } from './describe.js';
import { useAlerts } from './useAlerts.js';

type Kind = AlertCondition['kind'];

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'readyAbove', label: 'Ready messages above' },
  { kind: 'noConsumers', label: 'No consumers' },
  { kind: 'unackedGrowing', label: 'Unacked growing' },
];

/** The form's fields as typed, before validation. */
export type Draft = { id: string | null; kind: Kind; threshold: string; duration: string; unit: DurationUnit; enabled: boolean };

const EMPTY_DRAFT: Draft = { id: null, kind: 'readyAbove', threshold: '1000', duration: '60', unit: 's', enabled: true };

function draftOf(rule: AlertRule): Draft {
  const seconds = rule.condition.forSeconds;
  const unit: DurationUnit = seconds >= 3600 && seconds % 3600 === 0 ? 'h' : seconds >= 60 && seconds % 60 === 0 ? 'min' : 's';
  return {
    id: rule.id,
    kind: rule.condition.kind,
    threshold: rule.condition.kind === 'readyAbove' ? String(rule.condition.threshold) : '1000',
    duration: String(seconds / UNIT_SECONDS[unit]),
    unit,
    enabled: rule.enabled,
  };
}

const WHOLE = /^\s*\d+\s*$/;

/** The condition the draft describes, or what is wrong with each field. */
export function validateDraft(draft: Draft): { condition: AlertCondition } | { errors: { threshold?: string; duration?: string } } {
  const errors: { threshold?: string; duration?: string } = {};
  const seconds = WHOLE.test(draft.duration) ? Number(draft.duration) * UNIT_SECONDS[draft.unit] : NaN;
  if (Number.isNaN(seconds)) errors.duration = 'A whole number, 0 or more.';
  else if (seconds > MAX_SECONDS) errors.duration = 'At most 7 days.';
  const threshold = WHOLE.test(draft.threshold) ? Number(draft.threshold) : NaN;
  if (draft.kind === 'readyAbove' && (Number.isNaN(threshold) || !Number.isSafeInteger(threshold))) errors.threshold = 'A whole number of messages, 0 or more.';
  if (errors.threshold !== undefined || errors.duration !== undefined) return { errors };
  if (draft.kind === 'readyAbove') return { condition: { kind: 'readyAbove', threshold, forSeconds: seconds } };
  return { condition: { kind: draft.kind, forSeconds: seconds } };
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `rule-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function RuleForm({ initial, onSubmit, onCancel }: { initial: Draft; onSubmit: (draft: Draft, condition: AlertCondition) => Promise<void>; onCancel: () => void }) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<{ threshold?: string; duration?: string }>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (patch: Partial<Draft>): void => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = validateDraft(draft);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    setFailure(null);
    onSubmit(draft, result.condition)
      .catch((e: unknown) => setFailure(errorMessage(e)))
      .finally(() => setSaving(false));
  };

  return (
    <form className="alert-form" onSubmit={submit} noValidate aria-label={draft.id === null ? 'New alert rule' : 'Edit alert rule'}>
      <div className="alert-form__row">
        <label className="alert-form__field">
          <span className="alert-form__label">When</span>
          <select className="select" value={draft.kind} onChange={(e) => set({ kind: e.target.value as Kind })}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        {draft.kind === 'readyAbove' ? (
          <label className="alert-form__field">
            <span className="alert-form__label">Threshold</span>
            <span className="alert-form__unit-input">
              <input
                className="input alert-form__number"
                inputMode="numeric"
                value={draft.threshold}
                aria-invalid={errors.threshold !== undefined}
                aria-describedby={errors.threshold ? `${id}-threshold` : undefined}
                onChange={(e) => set({ threshold: e.target.value })}
              />
              <span className="alert-form__unit">messages</span>
            </span>
          </label>
        ) : null}
        <div className="alert-form__field">
          <label className="alert-form__label" htmlFor={`${id}-for`}>
            For
          </label>
          <span className="alert-form__unit-input">
            <input
              id={`${id}-for`}
              className="input alert-form__number"
              inputMode="numeric"
              value={draft.duration}
              aria-invalid={errors.duration !== undefined}
              aria-describedby={errors.duration ? `${id}-duration` : undefined}
              onChange={(e) => set({ duration: e.target.value })}
            />
            <select className="select" aria-label="Unit" value={draft.unit} onChange={(e) => set({ unit: e.target.value as DurationUnit })}>
              <option value="s">seconds</option>
              <option value="min">minutes</option>
              <option value="h">hours</option>
            </select>
          </span>
        </div>
      </div>
      {errors.threshold ? (
        <p className="alert-form__error" id={`${id}-threshold`}>
          Threshold: {errors.threshold}
        </p>
      ) : null}
      {errors.duration ? (
        <p className="alert-form__error" id={`${id}-duration`}>
          For: {errors.duration}
        </p>
      ) : null}
      <div className="alert-form__row">
        <Switch checked={draft.enabled} onChange={(enabled) => set({ enabled })} label="Enabled" />
        <span className="alert-form__gap" />
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--small button--primary" disabled={saving}>
          {saving ? 'Saving…' : draft.id === null ? 'Add rule' : 'Save rule'}
        </button>
      </div>
      {failure ? (
        <p className="alert-form__error" role="alert">
          Could not save: {failure}
        </p>
      ) : null}
    </form>
  );
}

/** The queue page's "Alerts" block: this queue's rules, whether each fires, and a form to add, edit or remove them. */
export function AlertsSection({ vhost, queue }: { vhost: string; queue: string }) {
  const alerts = useAlerts();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const mine = alerts.rules.filter((r) => r.vhost === vhost && r.queue === queue);
  const firingCount = mine.filter((r) => r.enabled && alerts.states.get(r.id)?.firing).length;

  const submit = async (draft: Draft, condition: AlertCondition): Promise<void> => {
    const rule: AlertRule = { id: draft.id ?? newId(), vhost, queue, condition, enabled: draft.enabled };
    const next = draft.id === null ? [...alerts.rules, rule] : alerts.rules.map((r) => (r.id === draft.id ? rule : r));
    await alerts.save(next);
    setEditing(null);
  };
  const remove = (rule: AlertRule): void => {
    setFailure(null);
    alerts.save(alerts.rules.filter((r) => r.id !== rule.id)).catch((e: unknown) => setFailure(errorMessage(e)));
  };

  return (
    <Section title="Alerts" wide aside={firingCount > 0 ? <span className="badge badge--alert">{firingCount} firing</span> : mine.length > 0 ? `${mine.length}` : undefined}>
      {alerts.error !== null ? <p className="panel__note">Alerts are unavailable: {alerts.error}</p> : null}
      {mine.length === 0 && editing === null ? <p className="panel__empty">No alert rules on this queue.</p> : null}
      {mine.length > 0 ? (
        <ul className="alert-rules">
          {mine.map((rule) => {
            const state = alerts.states.get(rule.id);
            const firing = rule.enabled && state?.firing === true;
            return (
              <li key={rule.id} className={`alert-rule${firing ? ' is-firing' : ''}${rule.enabled ? '' : ' is-disabled'}`}>
                <span className="alert-rule__what">
                  <span className="alert-rule__condition">{describeCondition(rule.condition)}</span>
                  <span className="alert-rule__state">{!rule.enabled ? 'Disabled' : (state?.text ?? 'Not evaluated yet')}</span>
                </span>
                {firing ? <span className="badge badge--alert">Firing</span> : null}
                <button type="button" className="button button--small button--ghost" onClick={() => setEditing(draftOf(rule))} disabled={editing !== null}>
                  Edit
                </button>
                <button type="button" className="button button--small button--danger-ghost" onClick={() => remove(rule)} aria-label={`Remove rule ${describeCondition(rule.condition)}`}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {failure ? (
        <p className="alert-form__error" role="alert">
          Could not remove: {failure}
        </p>
      ) : null}
      {editing !== null ? (
        <RuleForm key={editing.id ?? 'new'} initial={editing} onSubmit={submit} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setEditing(EMPTY_DRAFT)} disabled={!alerts.loaded || alerts.error !== null}>
          Add alert rule
        </button>
      )}
    </Section>
  );
}
