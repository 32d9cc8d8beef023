/**
 * Management API helpers for the HTTP conformance scenarios: raw requests
 * (status, headers, body) and the "shape" of a JSON answer, that is its field
 * names and JSON types, which the scenarios compare between RabbitMQ and the
 * embedded broker.
 */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export function basic(user = 'guest', password = 'guest'): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export async function api(
  baseUrl: string,
  method: string,
  path: string,
  opts: { body?: unknown; rawBody?: string; auth?: string | null } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  const auth = opts.auth === undefined ? basic() : opts.auth;
  if (auth !== null) headers.authorization = auth;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl.replace(/\/$/, '')}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export type Shape = string | { [key: string]: Shape } | Shape[];

/** Fields whose contents are free-form (client properties, arguments, headers, definitions): compared as "object" only. */
const OPAQUE = new Set(['client_properties', 'arguments', 'effective_policy_definition', 'definition', 'headers', 'properties', 'cluster_state', 'metadata']);

/** JSON types by field; arrays as the union of their elements' shapes; numbers are numbers whether integral or not. */
export function shapeOf(v: unknown, key = ''): Shape {
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    let merged: Shape = shapeOf(v[0], key);
    for (const item of v.slice(1)) merged = mergeShapes(merged, shapeOf(item, key));
    return [merged];
  }
  if (typeof v === 'object') {
    if (OPAQUE.has(key)) return 'object';
    const out: Record<string, Shape> = {};
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) out[k] = shapeOf(val, k);
    return out;
  }
  return typeof v;
}

function mergeShapes(a: Shape, b: Shape): Shape {
  if (typeof a === 'object' && !Array.isArray(a) && typeof b === 'object' && !Array.isArray(b)) {
    const out: Record<string, Shape> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? mergeShapes(out[k]!, v) : v;
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length === 0) return b;
    if (b.length === 0) return a;
    return [mergeShapes(a[0]!, b[0]!)];
  }
  if (a === 'null') return b;
  return a;
}

/**
 * Differences between RabbitMQ's shape and ours, as "path: rabbitmq X, embedded Y".
 * `rabbitOnly` lists field names RabbitMQ has and the embedded broker leaves
 * out on purpose (statistics it cannot measure); `optional` fields may be
 * absent on either side (time-dependent ones); anything else missing on
 * either side, or typed differently, is a difference. null matches any type.
 */
export function shapeDifferences(rabbit: Shape, ours: Shape, rabbitOnly: ReadonlySet<string>, optional: ReadonlySet<string> = new Set(), path = '$'): string[] {
  if (rabbit === 'null' || ours === 'null') return [];
  if (Array.isArray(rabbit) || Array.isArray(ours)) {
    if (!Array.isArray(rabbit) || !Array.isArray(ours)) return [`${path}: rabbitmq ${describe(rabbit)}, embedded ${describe(ours)}`];
    if (rabbit.length === 0 || ours.length === 0) return [];
    return shapeDifferences(rabbit[0]!, ours[0]!, rabbitOnly, optional, `${path}[]`);
  }
  if (typeof rabbit === 'string' || typeof ours === 'string') {
    return rabbit === ours || (typeof rabbit === 'string' && typeof ours === 'string' && rabbit === ours) ? [] : [`${path}: rabbitmq ${describe(rabbit)}, embedded ${describe(ours)}`];
  }
  const out: string[] = [];
  for (const k of Object.keys(rabbit)) {
    if (!(k in ours)) {
      if (!rabbitOnly.has(k) && !optional.has(k)) out.push(`${path}.${k}: missing in embedded`);
      continue;
    }
    out.push(...shapeDifferences(rabbit[k]!, ours[k]!, rabbitOnly, optional, `${path}.${k}`));
  }
  for (const k of Object.keys(ours)) if (!(k in rabbit) && !optional.has(k)) out.push(`${path}.${k}: not in rabbitmq`);
  return out;
}

function describe(s: Shape): string {
  return typeof s === 'string' ? s : Array.isArray(s) ? 'array' : 'object';
}
