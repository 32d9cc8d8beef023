import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors.js';
import { type HttpTarget, HttpRequestError, type JsonRequest, getJson, requestJson } from './http-request.js';
import { RawPage } from './raw-schemas.js';

/** RabbitMQ refuses a page_size above 500. */
export const MAX_PAGE_SIZE = 500;
/** Pages fetched at once: enough to hide latency, few enough not to swamp the broker. */
const PAGE_CONCURRENCY = 4;

type Query = Record<string, string | number | boolean>;

export interface ManagementClient {
  readonly target: HttpTarget;
  /** GET a path and validate it; failures become ApiError('broker'). */
  get<S extends z.ZodTypeAny>(path: string, schema: S, query?: Query, signal?: AbortSignal): Promise<z.output<S>>;
  /**
   * GET an array endpoint's raw items, page by page when `paginate` (queues,
   * exchanges, connections, channels). Pages are offsets into a list that can
   * change between requests, so a row may be missed or repeated once; the next
   * sample corrects it, and parsing drops repeats.
   */
  items(path: string, options?: ListOptions): Promise<unknown[]>;
  /** `items`, each validated against `row`. */
  list<S extends z.ZodTypeAny>(path: string, row: S, options?: ListOptions): Promise<z.output<S>[]>;
  /**
   * A write (PUT, POST, DELETE) or any other request whose answer the caller
   * reads itself. A refusal becomes ApiError('broker') carrying the broker's
   * own reason, e.g. "inequivalent arg 'durable' ... (HTTP 400)".
   */
  send(request: JsonRequest): Promise<{ status: number; json: unknown }>;
}

export interface ListOptions {
  columns?: string;
  paginate?: boolean;
  signal?: AbortSignal;
}

export function createManagementClient(target: HttpTarget): ManagementClient {
  async function fetchJson(path: string, query: Query | undefined, signal: AbortSignal | undefined): Promise<unknown> {
    try {
      return await getJson(target, path, query, signal);
    } catch (err) {
      throw toBrokerError(err);
    }
  }

  return {
    target,

    async get(path, schema, query, signal) {
      const body = await fetchJson(path, query, signal);
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new ApiError('broker', `Unexpected answer from ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data;
    },

    items,

    async list(path, row, options) {
      return parseRows(path, row, await items(path, options));
    },

    async send(request) {
      try {
        return await requestJson(target, request);
      } catch (err) {
        throw refusalError(err);
      }
    },
  };

  async function items(path: string, options: ListOptions = {}): Promise<unknown[]> {
    const base: Query = options.columns ? { columns: options.columns } : {};
    if (!options.paginate) {
      const body = await fetchJson(path, base, options.signal);
      if (!Array.isArray(body)) throw new ApiError('broker', `${path} did not answer a list`);
      return body;
    }

    const pageQuery = (page: number): Query => ({ ...base, page, page_size: MAX_PAGE_SIZE, pagination: true });
    const firstBody = await fetchJson(path, pageQuery(1), options.signal);
    // A broker that ignores the paging parameters answers the whole list as a plain array.
    if (Array.isArray(firstBody)) return firstBody;
    const first = RawPage.safeParse(firstBody);
    if (!first.success) throw new ApiError('broker', `${path} did not answer a page`);
    const collected: unknown[] = [...first.data.items];
    const remaining = Array.from({ length: Math.max(0, first.data.page_count - 1) }, (_, i) => i + 2);
    for (let i = 0; i < remaining.length; i += PAGE_CONCURRENCY) {
      const batch = remaining.slice(i, i + PAGE_CONCURRENCY);
      const pages = await Promise.all(batch.map((page) => fetchLaterPage(path, pageQuery(page), options.signal)));
      for (const page of pages) {
        if (page === PAST_THE_END) return collected;
        const parsed = RawPage.safeParse(page);
        if (!parsed.success) throw new ApiError('broker', `${path} did not answer a page`);
        for (const item of parsed.data.items) collected.push(item);
      }
    }
    return collected;
  }

  /**
   * A page after the first. When objects are deleted while we page, the list
   * shrinks and RabbitMQ answers 400 "page_out_of_range" for pages that were
   * there a moment ago: that is the end of the list, not a failure.
   */
  async function fetchLaterPage(path: string, query: Query, signal: AbortSignal | undefined): Promise<unknown> {
    try {
      return await fetchJson(path, query, signal);
    } catch (err) {
      if (isPageOutOfRange(err)) return PAST_THE_END;
      throw err;
    }
  }
}

const PAST_THE_END = Symbol('past the end');

function isPageOutOfRange(err: unknown): boolean {
  const cause = err instanceof ApiError ? err.cause : err;
  return cause instanceof HttpRequestError && cause.status === 400 && (cause.body ?? '').includes('page_out_of_range');
}

/** Validates every row; one bad row fails the listing with its index and field, so the cause is findable. */
export function parseRows<S extends z.ZodTypeAny>(path: string, row: S, items: readonly unknown[]): z.output<S>[] {
  const out: z.output<S>[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const parsed = row.safeParse(items[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError('broker', `Unexpected row ${i} from ${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
    }
    out[i] = parsed.data;
  }
  return out;
}

/** A failed management request as a message a user can act on, naming the URL, never the password. */
export function toBrokerError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const error = describeFailure(err);
  // The original stays reachable, so the session can diagnose it in more detail.
  error.cause = err;
  return error;
}

function describeFailure(err: unknown): ApiError {
  if (err instanceof HttpRequestError) {
    if (err.status === 401) return new ApiError('broker', `The management API at ${err.url} refused the credentials (HTTP 401)`);
    if (err.status === 403) return new ApiError('broker', `The user may not read ${err.url} (HTTP 403): it needs the "monitoring" or "management" tag`);
    if (err.status === 404) return new ApiError('broker', `Not found: ${err.url} (HTTP 404)`);
    if (err.code === 'ECONNREFUSED') return new ApiError('broker', `Connection refused by the management API at ${new URL(err.url).host}`);
    return new ApiError('broker', err.message);
  }
  return new ApiError('broker', err instanceof Error ? err.message : String(err));
}

/** The broker's reason for refusing a write, when its body gives one (RabbitMQ: {"error","reason"}). */
export function refusalError(err: unknown): ApiError {
  if (err instanceof HttpRequestError && err.status !== null && err.status !== 401 && err.body) {
    try {
      const body = JSON.parse(err.body) as { reason?: unknown; error?: unknown };
      const reason = typeof body.reason === 'string' ? body.reason : typeof body.error === 'string' ? body.error : null;
      if (reason) {
        const error = new ApiError('broker', `${reason} (HTTP ${err.status})`);
        error.cause = err;
        return error;
      }
    } catch {
      // Not JSON: the generic description below names the status and URL.
    }
  }
  return toBrokerError(err);
}
