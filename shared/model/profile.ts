import { z } from 'zod';

/** Checks an AMQP URI the way amqplib will read it, with messages a user can act on. */
export function amqpUriProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'Not a URI. Expected something like amqp://localhost:5672/';
  }
  if (url.protocol !== 'amqp:' && url.protocol !== 'amqps:') {
    return `Scheme must be amqp:// or amqps://, not ${url.protocol}//`;
  }
  if (!url.hostname) return 'The URI has no host';
  if (url.port && !(Number(url.port) > 0 && Number(url.port) < 65536)) return `Port ${url.port} is out of range`;
  if (url.pathname.length > 1 && url.pathname.slice(1).includes('/')) {
    return 'A vhost containing "/" must be percent-encoded, e.g. amqp://host/%2Fmy-vhost';
  }
  return null;
}

export function httpUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Not a URL. Expected something like http://localhost:15672';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Scheme must be http:// or https://, not ${url.protocol}//`;
  }
  if (!url.hostname) return 'The URL has no host';
  return null;
}

/** The vhost an AMQP URI names: an empty path means "/", as amqplib and RabbitMQ read it. */
export function vhostOfAmqpUri(uri: string): string {
  const path = new URL(uri).pathname;
  return path.length <= 1 ? '/' : decodeURIComponent(path.slice(1));
}

/** The management URL a broker most likely serves, from its AMQP URI. */
export function deriveManagementUrl(uri: string): string {
  const url = new URL(uri);
  const tls = url.protocol === 'amqps:';
  const port = url.port ? Number(url.port) : tls ? 5671 : 5672;
  // RabbitMQ's convention: management listens on the AMQP port + 10000 (5672 → 15672, 5671 → 15671).
  const httpPort = port + 10000 <= 65535 ? port + 10000 : 15672;
  const host = url.hostname.includes(':') && !url.hostname.startsWith('[') ? `[${url.hostname}]` : url.hostname;
  return `${tls ? 'https' : 'http'}://${host}:${httpPort}`;
}

export const TlsOptions = z.object({
  caFile: z.string().max(4096).optional(),
  certFile: z.string().max(4096).optional(),
  keyFile: z.string().max(4096).optional(),
  /** Accept any server certificate. Shown in the UI as a warning. */
  skipVerify: z.boolean().default(false),
});
export type TlsOptions = z.infer<typeof TlsOptions>;

const name = z.string().trim().min(1, 'Name is required').max(200, 'Name is too long (200 characters at most)');
const amqpUri = z
  .string()
  .trim()
  .min(1, 'AMQP URI is required')
  .max(2048)
  .superRefine((v, ctx) => {
    const problem = amqpUriProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const managementUrl = z
  .string()
  .trim()
  .max(2048)
  .superRefine((v, ctx) => {
    if (v === '') return;
    const problem = httpUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** What the renderer sends to create or update a profile. */
export const ProfileInput = z.object({
  /** Absent to create a new profile. */
  id: z.string().min(1).max(64).optional(),
  name,
  amqpUri,
  /** Empty means derived from the AMQP URI. */
  managementUrl: managementUrl.default(''),
  username: z.string().max(512).default('guest'),
  /** Absent keeps the stored password; a string replaces it. */
  password: z.string().max(4096).optional(),
  tls: TlsOptions.default({ skipVerify: false }),
});
export type ProfileInput = z.input<typeof ProfileInput>;
export type ProfileInputParsed = z.output<typeof ProfileInput>;

/** A profile as the renderer sees it: never the password. */
export const Profile = z.object({
  id: z.string(),
  name: z.string(),
  amqpUri: z.string(),
  managementUrl: z.string(),
  /** The management URL in effect: the stored one, or derived from the AMQP URI. */
  effectiveManagementUrl: z.string(),
  username: z.string(),
  hasPassword: z.boolean(),
  tls: TlsOptions,
  /** True for the profile Warren manages for its embedded broker. */
  builtIn: z.boolean().default(false),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof Profile>;

export const ConnectionCheck = z.object({
  ok: z.boolean(),
  /** One sentence a user can act on. */
  message: z.string(),
  /** A stable code for the failure, for tests and for choosing help text. */
  code: z
    .enum([
      'ok',
      'refused',
      'auth',
      'vhost',
      'not_found',
      'management_disabled',
      'tls',
      'timeout',
      'dns',
      'protocol',
      'unknown',
    ])
    .default('ok'),
  /** A command or step that fixes it, when there is one. */
  hint: z.string().optional(),
  /** What was reached: product and version for HTTP, server properties for AMQP. */
  detail: z.string().optional(),
  elapsedMs: z.number(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

export const ConnectionTestResult = z.object({
  amqp: ConnectionCheck,
  http: ConnectionCheck,
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;
