import { ENTITIES, ENTITY_LABELS } from '../../../shared/definitions/model.js';
import type { PlanStep } from '../../../shared/definitions/plan.js';
import type { ChangeOutcome } from '../../../shared/topology/change.js';
import { ACTION_CLASS, ACTION_LABEL, OUTCOME_LABEL, plural } from './labels.js';

export type StepStatus = ChangeOutcome['status'] | 'pending' | 'running';

/**
 * The plan grouped by entity type, in the order RabbitMQ's own file uses,
 * each change with its badge, what it changes, what it destroys and, once
 * applied, how it went: a refusal is shown on the change it refused.
 */
export function PlanView({ steps, status, errors }: { steps: readonly PlanStep[]; status: (index: number) => StepStatus | null; errors: ReadonlyMap<number, string> }) {
  const groups = ENTITIES.map((entity) => ({ entity, rows: steps.map((step, index) => ({ step, index })).filter((r) => r.step.entity === entity) })).filter((g) => g.rows.length > 0);
  return (
    <div className="defs-plan">
      {groups.map(({ entity, rows }) => (
        <section key={entity} className="defs-group" aria-label={ENTITY_LABELS[entity][1]}>
          <h3 className="defs-group__title">
            {ENTITY_LABELS[entity][1]} <span className="muted">{rows.length}</span>
          </h3>
          <ul className="defs-rows">
            {rows.map(({ step, index }) => {
              const state = status(index);
              const error = errors.get(index);
              return (
                <li key={index} className={`defs-row${state ? ` is-${state}` : ''}`} aria-label={`${ACTION_LABEL[step.action]} ${ENTITY_LABELS[step.entity][0]} ${step.name}`}>
                  <span className={`defs-badge defs-badge--${ACTION_CLASS[step.action]}`}>{ACTION_LABEL[step.action]}</span>
                  <span className="defs-row__name" title={step.name}>
                    {step.name}
                  </span>
                  {step.vhost !== null && step.entity !== 'permission' ? <span className="defs-row__vhost">{step.vhost}</span> : null}
                  {step.fields.length > 0 ? <span className="defs-row__fields">{step.fields.join(', ')}</span> : null}
                  {step.action === 'recreate-delete' ? <span className="defs-row__note">deleted first: the broker cannot change it in place</span> : null}
                  {step.action === 'recreate-create' ? <span className="defs-row__note">then declared again as the file has it</span> : null}
                  {step.messages ? (
                    <span className="badge badge--warn defs-row__messages">destroys {plural(step.messages, 'message')}</span>
                  ) : null}
                  <span className="defs-row__spacer" />
                  {state && state !== 'pending' ? <span className={`defs-status defs-status--${state}`}>{OUTCOME_LABEL[state]}</span> : null}
                  {error ? (
                    <p className="defs-row__error" role="alert">
                      {error}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
