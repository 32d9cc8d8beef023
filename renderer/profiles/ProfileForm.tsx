import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../shared/api/errors.js';
import { amqpUriProblem, deriveManagementUrl, type ConnectionTestResult, type Profile } from '../../shared/model/profile.js';
import { Icon } from '../components/Icon.js';
import { Switch } from '../components/Switch.js';
import { errorMessage } from '../state/consoleStore.js';
import { useClient, useStore } from '../state/StoreProvider.js';
import { ConnectionTestPanel } from './ConnectionTestPanel.js';
import {
  errorsFromIssues,
  toProfileInput,
  validateProfileInput,
  valuesFromProfile,
  NEW_PROFILE_DEFAULTS,
  type FormErrors,
  type ProfileField,
  type ProfileFormValues,
} from './profileForm.js';

type FieldProps = {
  field: ProfileField;
  label: string;
  error: string | undefined;
  hint?: ReactNode;
  children: (props: { id: string; 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined }) => ReactNode;
};

function Field({ field, label, error, hint, children }: FieldProps) {
  const id = `${useId()}-${field}`;
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The management URL the backend will use when the field is left empty. */
function derivedUrl(amqpUri: string): string {
  return amqpUriProblem(amqpUri.trim()) === null ? deriveManagementUrl(amqpUri.trim()) : 'http://localhost:15672';
}

export type ProfileFormProps = {
  /** Absent for a new profile. */
  profile?: Profile;
  onSaved: (profile: Profile) => void;
  onCancel?: () => void;
};

/** Add or edit a broker profile. Errors, local or from the backend, appear beside their field; nothing is saved while any remain. */
export function ProfileForm({ profile, onSaved, onCancel }: ProfileFormProps) {
  const client = useClient();
  const store = useStore();
  const [values, setValues] = useState<ProfileFormValues>(() => (profile ? valuesFromProfile(profile) : NEW_PROFILE_DEFAULTS));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [test, setTest] = useState<ConnectionTestResult | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const [showTls, setShowTls] = useState(() => Boolean(profile && (profile.tls.caFile || profile.tls.certFile || profile.tls.keyFile || profile.tls.skipVerify)));
  const isNew = profile === undefined;
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useRef(false);

  // "Saved" shows for a moment: enough to confirm, gone before it becomes noise.
  useEffect(() => {
    if (!justSaved) return;
    const timer = window.setTimeout(() => setJustSaved(false), 2000);
    return () => window.clearTimeout(timer);
  }, [justSaved]);

  // After a refused submit, take the user to the first field to fix (it may be scrolled away).
  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const set = <K extends ProfileField>(field: K, value: ProfileFormValues[K]): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
    setJustSaved(false);
    // A result for other values would mislead.
    setTest(null);
  };

  /** Validates locally, then sends; server-side issues land on the same fields. */
  const submit = async <T,>(action: 'save' | 'test', send: (input: ReturnType<typeof toProfileInput>) => Promise<T>): Promise<T | null> => {
    const input = toProfileInput(values, profile?.id);
    const local = validateProfileInput(input);
    if (Object.keys(local).length > 0) {
      focusFirstError.current = true;
      setErrors(local);
      return null;
    }
    setBusy(action);
    try {
      return await send(input);
    } catch (error) {
      focusFirstError.current = true;
      setErrors(error instanceof ApiError && error.issues?.length ? errorsFromIssues(error.issues) : { form: errorMessage(error) });
      return null;
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const saved = await submit('save', (input) => client.call('profiles.save', input));
    if (!saved) return;
    store.dispatch({ type: 'profile/saved', profile: saved });
    setValues((v) => ({ ...v, password: '' }));
    setJustSaved(true);
    onSaved(saved);
  };

  const onTest = async (): Promise<void> => {
    setTest(null);
    const result = await submit('test', (input) => client.call('profiles.test', input));
    if (result) setTest(result);
  };

  return (
    <form ref={formRef} className="profile-form" onSubmit={onSubmit} noValidate aria-label={isNew ? 'New broker profile' : `Edit ${profile.name}`}>
      <Field field="name" label="Name" error={errors.name}>
        {(a) => <input {...a} className="input" value={values.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />}
      </Field>
      <Field field="amqpUri" label="AMQP URI" error={errors.amqpUri} hint="amqp:// or amqps://, the vhost in the path: amqp://host:5672/my-vhost">
        {(a) => (
          <input {...a} className="input input--mono" value={values.amqpUri} onChange={(e) => set('amqpUri', e.target.value)} spellCheck={false} autoComplete="off" />
        )}
      </Field>
      <Field field="managementUrl" label="Management URL" error={errors.managementUrl} hint="Leave empty to use the derived one shown.">
        {(a) => (
          <input
            {...a}
            className="input input--mono"
            value={values.managementUrl}
            placeholder={derivedUrl(values.amqpUri)}
            onChange={(e) => set('managementUrl', e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="field-row">
        <Field field="username" label="Username" error={errors.username}>
          {(a) => <input {...a} className="input" value={values.username} onChange={(e) => set('username', e.target.value)} autoComplete="off" />}
        </Field>
        <Field field="password" label="Password" error={errors.password} hint={!isNew && profile.hasPassword ? 'Leave empty to keep the saved password.' : undefined}>
          {(a) => (
            <input
              {...a}
              className="input"
              type="password"
              value={values.password}
              placeholder={!isNew && profile.hasPassword ? '••••••••' : ''}
              onChange={(e) => set('password', e.target.value)}
              autoComplete="new-password"
            />
          )}
        </Field>
      </div>

      <div className="form-section">
        <button type="button" className="form-section__toggle" aria-expanded={showTls} onClick={() => setShowTls((v) => !v)}>
          <Icon name="chevronDown" size={14} className={showTls ? '' : 'is-collapsed'} />
          TLS
          {values.skipVerify ? <span className="badge badge--warn">verification off</span> : null}
        </button>
        {showTls ? (
          <div className="form-section__body">
            <Field field="caFile" label="CA certificate file" error={errors.caFile}>
              {(a) => <input {...a} className="input input--mono" value={values.caFile} placeholder="/path/to/ca.pem" onChange={(e) => set('caFile', e.target.value)} />}
            </Field>
            <div className="field-row">
              <Field field="certFile" label="Client certificate" error={errors.certFile}>
                {(a) => <input {...a} className="input input--mono" value={values.certFile} placeholder="/path/to/client.pem" onChange={(e) => set('certFile', e.target.value)} />}
              </Field>
              <Field field="keyFile" label="Client key" error={errors.keyFile}>
                {(a) => <input {...a} className="input input--mono" value={values.keyFile} placeholder="/path/to/client.key" onChange={(e) => set('keyFile', e.target.value)} />}
              </Field>
            </div>
            <Switch checked={values.skipVerify} onChange={(v) => set('skipVerify', v)} label="Skip certificate verification" />
            {values.skipVerify ? (
              <p className="warning" role="note">
                <Icon name="warning" size={14} />
                Any server certificate will be accepted, so a machine in the middle could read this connection, password included. Use
                only for a local broker with a self-signed certificate.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {test ? <ConnectionTestPanel result={test} /> : null}

      <div className="form-actions">
        <button type="button" className="button" onClick={onTest} disabled={busy !== null}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <div className="form-actions__spacer" />
        <span className="form-actions__saved" role="status">
          {justSaved ? (
            <>
              <Icon name="check" size={14} /> Saved
            </>
          ) : null}
        </span>
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : isNew ? 'Save profile' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
