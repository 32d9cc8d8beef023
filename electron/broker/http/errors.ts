// Errors the management API answers with, in RabbitMQ's bodies
// ({"error": ..., "reason": ...}) and status codes.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    /** Usually text; RabbitMQ sends some reasons as an Erlang term rendered to JSON (a list). */
    readonly reason: string | readonly string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${error}: ${reason}`);
  }

  body(): { error: string; reason: string | readonly string[] } {
    return { error: this.error, reason: this.reason };
  }
}

/** A definitions file refused: RabbitMQ's body plus every problem with its JSON path. */
export class DefinitionsRefused extends HttpError {
  constructor(reason: string, readonly problems: readonly { path: string; message: string }[]) {
    super(400, 'bad_request', reason);
  }

  override body(): { error: string; reason: string | readonly string[]; problems: readonly { path: string; message: string }[] } {
    return { ...super.body(), problems: this.problems };
  }
}

export const notFound = () => new HttpError(404, 'Object Not Found', 'Not Found');
export const badRequest = (reason: string) => new HttpError(400, 'bad_request', reason);
/** RabbitMQ: 401 with WWW-Authenticate for wrong credentials (and no body at all when there were none). */
export const loginFailed = (reason = 'Login failed') =>
  new HttpError(401, 'not_authorized', reason, { 'www-authenticate': 'Basic realm="RabbitMQ Management"' });
/** RabbitMQ: 401 (spelled not_authorised) when the user lacks the tag or vhost access a resource needs. */
export const noCredentials = () => new HttpError(401, '', '', { 'www-authenticate': 'Basic realm="RabbitMQ Management"' });
export const notAuthorised = (reason: string) => new HttpError(401, 'not_authorised', reason);
