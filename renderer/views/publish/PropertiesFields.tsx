import type { FormProblems, PropertyName, PropertyTexts } from '../../workbench/publish-form.js';

const TEXT_FIELDS: readonly { name: PropertyName; label: string; placeholder?: string; mono?: boolean }[] = [
  { name: 'contentType', label: 'Content type', placeholder: 'application/json' },
  { name: 'contentEncoding', label: 'Content encoding', placeholder: 'gzip, utf-8…' },
  { name: 'messageId', label: 'Message ID', mono: true },
  { name: 'correlationId', label: 'Correlation ID', mono: true },
  { name: 'replyTo', label: 'Reply-to', placeholder: 'a queue name', mono: true },
  { name: 'type', label: 'Type', placeholder: 'order.created' },
  { name: 'userId', label: 'User ID', placeholder: 'the login user' },
  { name: 'appId', label: 'App ID' },
];

const NUMBER_FIELDS: readonly { name: PropertyName; label: string; placeholder: string }[] = [
  { name: 'priority', label: 'Priority', placeholder: '0–255' },
  { name: 'expiration', label: 'Expiration (ms)', placeholder: 'e.g. 60000' },
];

const CONTENT_TYPES = ['application/json', 'text/plain', 'application/octet-stream', 'application/xml', 'application/x-protobuf'];

function readableTime(seconds: string): string {
  if (!/^\d{1,12}$/.test(seconds.trim())) return '';
  return new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The basic properties, each optional: an empty field is not sent. */
export function PropertiesFields({
  values,
  problems,
  onChange,
  omit = [],
}: {
  values: PropertyTexts;
  problems: FormProblems;
  onChange: (name: PropertyName, value: string) => void;
  /** Fields someone else sets (RPC sets reply-to and correlation id). */
  omit?: readonly PropertyName[];
}) {
  const problemOf = (name: PropertyName) => problems[name];
  const note = (name: PropertyName, fallback?: string) => {
    const problem = problemOf(name);
    return problem || fallback ? (
      <span className={`field__note${problem ? ' is-bad' : ''}`} id={`publish-prop-${name}-note`}>
        {problem ?? fallback}
      </span>
    ) : null;
  };
  const input = (name: PropertyName, label: string, extra: { placeholder?: string; mono?: boolean; inputMode?: 'numeric' } = {}) => (
    <input
      id={`publish-prop-${name}`}
      className={`input${extra.mono ? ' input--mono' : ''}${problemOf(name) ? ' is-invalid' : ''}`}
      aria-label={label}
      aria-invalid={problemOf(name) ? true : undefined}
      aria-describedby={`publish-prop-${name}-note`}
      value={values[name]}
      placeholder={extra.placeholder}
      inputMode={extra.inputMode}
      list={name === 'contentType' ? 'publish-content-types' : undefined}
      spellCheck={false}
      onChange={(event) => onChange(name, event.target.value)}
    />
  );
  return (
    <div className="publish-props">
      <datalist id="publish-content-types">
        {CONTENT_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {TEXT_FIELDS.filter((f) => !omit.includes(f.name)).map((f) => (
        <div className="field" key={f.name}>
          <label className="field__label" htmlFor={`publish-prop-${f.name}`}>
            {f.label}
          </label>
          {input(f.name, f.label, f)}
          {note(f.name)}
        </div>
      ))}
      <div className="field">
        <label className="field__label" htmlFor="publish-prop-deliveryMode">
          Delivery mode
        </label>
        <select id="publish-prop-deliveryMode" className="select publish-props__select" value={values.deliveryMode} onChange={(event) => onChange('deliveryMode', event.target.value)}>
          <option value="2">Persistent (2)</option>
          <option value="1">Transient (1)</option>
          <option value="">Not set</option>
        </select>
      </div>
      {NUMBER_FIELDS.map((f) => (
        <div className="field" key={f.name}>
          <label className="field__label" htmlFor={`publish-prop-${f.name}`}>
            {f.label}
          </label>
          {input(f.name, f.label, { placeholder: f.placeholder, inputMode: 'numeric' })}
          {note(f.name)}
        </div>
      ))}
      <div className="field">
        <label className="field__label" htmlFor="publish-prop-timestamp">
          Timestamp (s)
        </label>
        <div className="field__row">
          {input('timestamp', 'Timestamp (s)', { placeholder: 'unix time', inputMode: 'numeric' })}
          <button type="button" className="button button--small" onClick={() => onChange('timestamp', String(Math.floor(Date.now() / 1000)))}>
            Now
          </button>
        </div>
        {note('timestamp', readableTime(values.timestamp) || undefined)}
      </div>
    </div>
  );
}
