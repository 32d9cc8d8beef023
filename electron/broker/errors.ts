// AMQP errors as RabbitMQ raises them: a reply code, a text prefixed with the
// code's name ("NOT_FOUND - ..."), and the class/method that caused it.
// Whether an error closes the channel or the connection follows the spec's
// soft/hard class of the code, as rabbit_channel/rabbit_reader do.
import { HARD_ERROR_CODES, REPLY_CODE_NAMES } from './protocol/generated.js';

export type MethodRef = { classId: number; methodId: number };

export class AmqpError extends Error {
  readonly replyText: string;

  constructor(
    readonly replyCode: number,
    explanation: string,
    readonly classId = 0,
    readonly methodId = 0,
  ) {
    const text = `${REPLY_CODE_NAMES[replyCode] ?? 'INTERNAL_ERROR'} - ${explanation}`;
    super(text);
    this.replyText = text;
  }

  get hard(): boolean {
    return HARD_ERROR_CODES.has(this.replyCode);
  }

  /** The same error attributed to `method` (the method being processed). */
  withMethod(method: MethodRef): AmqpError {
    if (this.classId !== 0 || this.methodId !== 0) return this;
    const e = new AmqpError(this.replyCode, '', method.classId, method.methodId);
    (e as { replyText: string }).replyText = this.replyText;
    e.message = this.replyText;
    return e;
  }
}

export const ReplyCode = {
  contentTooLarge: 311,
  noRoute: 312,
  noConsumers: 313,
  connectionForced: 320,
  invalidPath: 402,
  accessRefused: 403,
  notFound: 404,
  resourceLocked: 405,
  preconditionFailed: 406,
  frameError: 501,
  syntaxError: 502,
  commandInvalid: 503,
  channelError: 504,
  unexpectedFrame: 505,
  resourceError: 506,
  notAllowed: 530,
  notImplemented: 540,
  internalError: 541,
} as const;

export const notFound = (what: string) => new AmqpError(ReplyCode.notFound, what);
export const preconditionFailed = (what: string) => new AmqpError(ReplyCode.preconditionFailed, what);
export const accessRefused = (what: string) => new AmqpError(ReplyCode.accessRefused, what);

/** RabbitMQ's resource naming in error texts: "queue 'x' in vhost '/'". */
export const resourceName = (kind: 'queue' | 'exchange', name: string, vhost: string) =>
  `${kind} '${name}' in vhost '${vhost}'`;
