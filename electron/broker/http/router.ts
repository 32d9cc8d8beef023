// Path matching in cowboy's order: no route → 404, a route without the method
// → 405 with an allow header, then authentication (401), then the handler.
import type { User } from '../auth/index.js';
import type { ManagementState } from './state.js';

export type Method = 'GET' | 'PUT' | 'DELETE' | 'POST';

export interface Context {
  readonly state: ManagementState;
  readonly user: User;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The request body parsed as a JSON object ({} when empty); 400 not_json otherwise. */
  body(): Record<string, unknown>;
  readonly header: (name: string) => string | undefined;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: Context) => Reply | Promise<Reply>;

export interface Route {
  readonly segments: readonly string[];
  readonly methods: Partial<Record<Method, Handler>>;
}

export function route(path: string, methods: Partial<Record<Method, Handler>>): Route {
  return { segments: path.split('/').filter((s) => s !== ''), methods };
}

/** The route matching the decoded path segments, and its parameters. */
export function match(routes: readonly Route[], segments: readonly string[]): { route: Route; params: Record<string, string> } | undefined {
  outer: for (const r of routes) {
    if (r.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    for (let i = 0; i < segments.length; i++) {
      const pat = r.segments[i]!;
      if (pat.startsWith(':')) params[pat.slice(1)] = segments[i]!;
      else if (pat !== segments[i]) continue outer;
    }
    return { route: r, params };
  }
  return undefined;
}

export function allowHeader(r: Route): string {
  const order: Method[] = ['GET', 'PUT', 'POST', 'DELETE'];
  const methods = order.filter((m) => r.methods[m]);
  return [...(r.methods.GET ? ['HEAD'] : []), ...methods, 'OPTIONS'].join(', ');
}
