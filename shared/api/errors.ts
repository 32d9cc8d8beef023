import { z } from 'zod';

export const ApiErrorCode = z.enum([
  /** The arguments failed their schema. */
  'invalid_args',
  /** No such method (only possible on the WebSocket, where names arrive as strings). */
  'unknown_method',
  /** A message that is not a well-formed request. */
  'bad_request',
  /** The caller is not allowed (wrong frame, missing token). */
  'forbidden',
  'not_found',
  /** The broker refused or failed; the message says how. */
  'broker',
  'not_connected',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiIssue = z.object({ path: z.string(), message: z.string() });
export type ApiIssue = z.infer<typeof ApiIssue>;

export const ApiErrorBody = z.object({
  code: ApiErrorCode,
  message: z.string(),
  /** Every schema problem, each with its path: forms show them inline. */
  issues: z.array(ApiIssue).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** An error that crosses a transport as data and is rebuilt on the other side. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiIssue[] | undefined;

  constructor(code: ApiErrorCode, message: string, issues?: ApiIssue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  toBody(): ApiErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.issues);
  }
}

/** zod issues as a flat list with dotted paths, the same on every transport. */
export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function invalidArgs(method: string, error: z.ZodError): ApiError {
  const issues = issuesOf(error);
  const first = issues[0];
  const where = first && first.path ? `${first.path}: ` : '';
  return new ApiError('invalid_args', `Invalid arguments for ${method}: ${where}${first?.message ?? 'rejected'}`, issues);
}
