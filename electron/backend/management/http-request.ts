import http from 'node:http';
import https from 'node:https';
import type { TlsMaterial } from '../tls/tls-material.js';

export interface HttpTarget {
  /** The management base URL, e.g. http://host:15672 or https://host/rabbitmq/ behind a proxy. */
  baseUrl: string;
  username: string;
  password: string;
  tls: TlsMaterial;
  timeoutMs: number;
}

/**
 * Why a management request failed, with what a classifier needs: the HTTP
 * status and body, or the socket error code. The message never contains the
 * password (credentials travel in a header, never in the URL).
 */
export class HttpRequestError extends Error {
  readonly status: number | null;
  readonly code: string | null;
  readonly timedOut: boolean;
  readonly body: string | null;
  readonly url: string;
  constructor(init: { message: string; url: string; status?: number; code?: string; timedOut?: boolean; body?: string }) {
    super(init.message);
    this.name = 'HttpRequestError';
    this.url = init.url;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.timedOut = init.timedOut ?? false;
    this.body = init.body ?? null;
  }
}

export function apiUrl(baseUrl: string, path: string, query?: Record<string, string | number | boolean>): URL {
  const base = baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
  const url = new URL(path.replace(/^\//, ''), base);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
  return url;
}

/** GET and parse JSON, with basic auth, the profile's TLS options and a hard timeout. */
export async function getJson(target: HttpTarget, path: string, query?: Record<string, string | number | boolean>, signal?: AbortSignal): Promise<unknown> {
  const { json } = await requestJson(target, { method: 'GET', path, ...(query ? { query } : {}), ...(signal ? { signal } : {}) });
  return json;
}

export interface JsonRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * One management request. A 2xx answer resolves with its status and parsed
 * JSON (null for an empty body, as PUT and DELETE answer); anything else
 * rejects with the status and the broker's body, so its reason can be shown.
 */
export function requestJson(target: HttpTarget, request: JsonRequest): Promise<{ status: number; json: unknown }> {
  const { signal } = request;
  const url = apiUrl(target.baseUrl, request.path, request.query);
  const where = `${url.origin}${url.pathname}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), target.timeoutMs);
  const onOuterAbort = () => controller.abort();
  signal?.addEventListener('abort', onOuterAbort, { once: true });
  const auth = Buffer.from(`${target.username}:${target.password}`, 'utf8').toString('base64');
  const transport = url.protocol === 'https:' ? https : http;
  const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body), 'utf8');
  const headers: Record<string, string> = { authorization: `Basic ${auth}`, accept: 'application/json' };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }

  return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: request.method,
        headers,
        signal: controller.signal,
        ...(url.protocol === 'https:' ? target.tls : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err) => reject(fromSocketError(err, where, controller.signal.aborted && !signal?.aborted, target.timeoutMs)));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(new HttpRequestError({ message: `HTTP ${status} from ${where}`, url: where, status, body: body.slice(0, 2000) }));
            return;
          }
          if (body.trim() === '') {
            resolve({ status, json: null });
            return;
          }
          try {
            resolve({ status, json: JSON.parse(body) });
          } catch {
            reject(new HttpRequestError({ message: `${where} did not answer JSON`, url: where, status, body: body.slice(0, 2000) }));
          }
        });
      },
    );
    req.on('error', (err) => reject(fromSocketError(err, where, controller.signal.aborted && !signal?.aborted, target.timeoutMs)));
    req.end(payload);
  }).finally(() => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onOuterAbort);
  });
}

function fromSocketError(err: Error, where: string, timedOut: boolean, timeoutMs: number): HttpRequestError {
  if (timedOut) return new HttpRequestError({ message: `No answer from ${where} within ${timeoutMs} ms`, url: where, timedOut: true });
  const code = (err as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  return new HttpRequestError({ message: `${err.message} (${where})`, url: where, code });
}
