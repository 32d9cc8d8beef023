import { isTypedFieldValue } from '../../../shared/routing/index.js';

/**
 * Credentials carried by connection.start-ok, parsed exactly as RabbitMQ's
 * rabbit_auth_mechanism_plain and rabbit_auth_mechanism_amqplain do.
 */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** What RabbitMQ 3.10 offers in connection.start, in its order. */
export const AUTH_MECHANISMS = ['AMQPLAIN', 'PLAIN'] as const;
export type AuthMechanism = (typeof AUTH_MECHANISMS)[number];

export function isAuthMechanism(name: string): name is AuthMechanism {
  return (AUTH_MECHANISMS as readonly string[]).includes(name);
}

/** The `mechanisms` longstr of connection.start. */
export const MECHANISMS_STRING = AUTH_MECHANISMS.join(' ');

/**
 * SASL PLAIN: NUL user NUL password. RabbitMQ requires the authorisation
 * identity to be empty (the response must start with NUL) and nothing to
 * follow the password; anything else is refused like a wrong password.
 */
export function parsePlainResponse(response: Uint8Array): Credentials | null {
  if (response[0] !== 0) return null;
  const userEnd = response.indexOf(0, 1);
  if (userEnd === -1) return null;
  if (response.indexOf(0, userEnd + 1) !== -1) return null;
  const bytes = Buffer.from(response.buffer, response.byteOffset, response.byteLength);
  return {
    username: bytes.subarray(1, userEnd).toString('utf8'),
    password: bytes.subarray(userEnd + 1).toString('utf8'),
  };
}

/**
 * AMQPLAIN: a field table with LOGIN and PASSWORD (the response bytes are
 * the table body without its length prefix; the broker decodes them with its
 * codec and passes the table here, values typed or plain). RabbitMQ's guard
 * accepts the pair when either of the two is a string, and refuses it when
 * one is missing.
 */
export function parseAmqplainResponse(table: Readonly<Record<string, unknown>>): Credentials | null {
  if (!Object.prototype.hasOwnProperty.call(table, 'LOGIN') || !Object.prototype.hasOwnProperty.call(table, 'PASSWORD')) {
    return null;
  }
  const login = table.LOGIN;
  const password = table.PASSWORD;
  if (!isStringValue(login) && !isStringValue(password)) return null;
  return { username: text(login), password: text(password) };
}

function isStringValue(v: unknown): boolean {
  if (isTypedFieldValue(v)) return v.type === 'S';
  return typeof v === 'string';
}

function text(v: unknown): string {
  const raw = isTypedFieldValue(v) ? v.value : v;
  if (typeof raw === 'string') return raw;
  if (raw instanceof Uint8Array) return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  return String(raw);
}
