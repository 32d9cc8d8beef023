import { Switch } from '../../components/Switch.js';
import type { FormProblems, PublishForm, RepeatDraft } from '../../workbench/publish-form.js';
import type { TemplateHint } from '../../workbench/publish-template-hint.js';

const REPEAT_MODES: readonly { mode: RepeatDraft['mode']; label: string }[] = [
  { mode: 'once', label: 'Once' },
  { mode: 'count', label: 'N times' },
  { mode: 'rate', label: 'At a rate' },
];

function NumberField({ id, label, value, problem, onChange, suffix }: { id: string; label: string; value: string; problem?: string; onChange: (v: string) => void; suffix: string }) {
  return (
    <span className="run-settings__number">
      <input
        id={id}
        className={`input input--mono${problem ? ' is-invalid' : ''}`}
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        title={problem}
        inputMode="decimal"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="muted">{suffix}</span>
    </span>
  );
}

/** How many, how fast, and what the broker is asked to report back. */
export function RunSettings({
  form,
  problems,
  hint,
  onChange,
}: {
  form: PublishForm;
  problems: FormProblems;
  hint: TemplateHint;
  onChange: (patch: Partial<PublishForm>) => void;
}) {
  const repeat = form.repeat;
  const setRepeat = (patch: Partial<RepeatDraft>) => onChange({ repeat: { ...repeat, ...patch } });
  const repeatProblem = problems['repeat.count'] ?? problems['repeat.perSecond'] ?? problems['repeat.durationSeconds'];
  return (
    <div className="run-settings">
      <div className="run-settings__repeat">
        <div className="segmented" role="radiogroup" aria-label="Repeat">
          {REPEAT_MODES.map(({ mode, label }) => (
            <label key={mode} className={`segmented__item${repeat.mode === mode ? ' is-on' : ''}`}>
              <input type="radio" name="repeat-mode" value={mode} checked={repeat.mode === mode} onChange={() => setRepeat({ mode })} />
              {label}
            </label>
          ))}
        </div>
        {repeat.mode === 'count' ? (
          <NumberField id="repeat-count" label="Count" value={repeat.count} problem={problems['repeat.count']} onChange={(count) => setRepeat({ count })} suffix="messages" />
        ) : null}
        {repeat.mode === 'rate' ? (
          <>
            <NumberField id="repeat-rate" label="Messages per second" value={repeat.perSecond} problem={problems['repeat.perSecond']} onChange={(perSecond) => setRepeat({ perSecond })} suffix="/s for" />
            <NumberField
              id="repeat-duration"
              label="Duration in seconds"
              value={repeat.durationSeconds}
              problem={problems['repeat.durationSeconds']}
              onChange={(durationSeconds) => setRepeat({ durationSeconds })}
              suffix="s"
            />
          </>
        ) : null}
        {repeatProblem ? <span className="field__note is-bad">{repeatProblem}</span> : null}
      </div>
      <div className="run-settings__switches">
        <Switch label="Publisher confirms" checked={form.confirm} onChange={(confirm) => onChange({ confirm })} />
        <Switch label="Mandatory" checked={form.mandatory} onChange={(mandatory) => onChange({ mandatory })} />
        <Switch label="Templates" checked={form.templated} onChange={(templated) => onChange({ templated })} />
      </div>
      <p className={`run-settings__hint${hint.warn ? ' is-warn' : ''}`} aria-label="Template hint">
        <code>{'{{counter}}'}</code> <code>{'{{uuid}}'}</code> <code>{'{{now}}'}</code> — {hint.text}
      </p>
    </div>
  );
}
