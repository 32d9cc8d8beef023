import { issuesOf, type ApiIssue } from '../../shared/api/errors.js';
import { ProfileInput, type Profile } from '../../shared/model/profile.js';

/** What the form edits: every field as the user typed it. */
export type ProfileFormValues = {
  name: string;
  amqpUri: string;
  managementUrl: string;
  username: string;
  /** Empty on edit means "keep the stored password". */
  password: string;
  caFile: string;
  certFile: string;
  keyFile: string;
  skipVerify: boolean;
};

export type ProfileField = keyof ProfileFormValues;

/** Field name → message; `form` holds problems that belong to no single field. */
export type FormErrors = Partial<Record<ProfileField | 'form', string>>;

/** A local RabbitMQ with its stock account: what most developers have. */
export const NEW_PROFILE_DEFAULTS: ProfileFormValues = {
  name: 'Local RabbitMQ',
  amqpUri: 'amqp://localhost:5672',
  managementUrl: '',
  username: 'guest',
  password: 'guest',
  caFile: '',
  certFile: '',
  keyFile: '',
  skipVerify: false,
};

export function valuesFromProfile(profile: Profile): ProfileFormValues {
  return {
    name: profile.name,
    amqpUri: profile.amqpUri,
    managementUrl: profile.managementUrl,
    username: profile.username,
    password: '',
    caFile: profile.tls.caFile ?? '',
    certFile: profile.tls.certFile ?? '',
    keyFile: profile.tls.keyFile ?? '',
    skipVerify: profile.tls.skipVerify,
  };
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The request body: a blank password on an existing profile is left out, so the stored one stays. */
export function toProfileInput(values: ProfileFormValues, id: string | undefined): ProfileInput {
  const input: ProfileInput = {
    name: values.name,
    amqpUri: values.amqpUri,
    managementUrl: values.managementUrl,
    username: values.username,
    tls: { caFile: optional(values.caFile), certFile: optional(values.certFile), keyFile: optional(values.keyFile), skipVerify: values.skipVerify },
  };
  if (id !== undefined) input.id = id;
  if (id === undefined || values.password !== '') input.password = values.password;
  return input;
}

/** The contract's dotted paths, mapped onto the form's fields. */
const FIELD_OF_PATH: Record<string, ProfileField> = {
  name: 'name',
  amqpUri: 'amqpUri',
  managementUrl: 'managementUrl',
  username: 'username',
  password: 'password',
  'tls.caFile': 'caFile',
  'tls.certFile': 'certFile',
  'tls.keyFile': 'keyFile',
  'tls.skipVerify': 'skipVerify',
};

/** Issues (from the server's ApiError or the local schema check) as one message per field. */
export function errorsFromIssues(issues: readonly ApiIssue[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const field = FIELD_OF_PATH[issue.path] ?? 'form';
    errors[field] ??= field === 'form' && issue.path ? `${issue.path}: ${issue.message}` : issue.message;
  }
  return errors;
}

/** The same schema the backend applies, run before sending: nothing leaves the form invalid. */
export function validateProfileInput(input: ProfileInput): FormErrors {
  const result = ProfileInput.safeParse(input);
  return result.success ? {} : errorsFromIssues(issuesOf(result.error));
}
