// Per-channel assembly of commands from frames: a method, and for content
// methods (basic.publish) a header frame then body frames. Out-of-order frames
// raise 505 UNEXPECTED_FRAME with RabbitMQ's texts (rabbit_command_assembler).
import { AmqpError, ReplyCode } from '../errors.js';
import { formatErlangBinary } from '../erlang-term.js';
import { MAX_MESSAGE_SIZE_CEILING } from '../flow/options.js';
import { DecodeError, UnrecoverableInputError } from './decode-error.js';
import { FRAME_BODY, FRAME_HEADER, FRAME_METHOD, type Frame } from './frame.js';
import { CONTENT_METHODS, decodeMethod, UnknownMethodError, type AmqpMethod } from './generated.js';

export interface ContentHeader {
  classId: number;
  bodySize: number;
  /** Property flags and properties, copied out of the frame. */
  propertiesBytes: Buffer;
}

export interface Command {
  method: AmqpMethod;
  header?: ContentHeader;
  body?: Buffer;
}

const unexpected = (text: string, m?: AmqpMethod) => new AmqpError(ReplyCode.unexpectedFrame, text, m?.classId ?? 0, m?.methodId ?? 0);

/** Decodes a method payload, mapping bad bytes to RabbitMQ's errors. */
export function decodeMethodPayload(payload: Buffer): AmqpMethod {
  try {
    return decodeMethod(payload);
  } catch (err) {
    if (err instanceof UnknownMethodError) throw new UnrecoverableInputError(err.message);
    if (err instanceof DecodeError) {
      const classId = payload.length >= 2 ? payload.readUInt16BE(0) : 0;
      const methodId = payload.length >= 4 ? payload.readUInt16BE(2) : 0;
      throw new AmqpError(ReplyCode.frameError, `cannot decode ${formatErlangBinary(payload.subarray(4))}`, classId, methodId);
    }
    throw err;
  }
}

/** rabbit_channel:check_msg_size's text: RabbitMQ says "configured" unless the limit is its 512 MiB ceiling. */
export function messageTooLargeText(size: number, max: number): string {
  return `message size ${size} is larger than ${max === MAX_MESSAGE_SIZE_CEILING ? '' : 'configured '}max size ${max}`;
}

export class ContentAssembler {
  private method: AmqpMethod | undefined;
  private header: ContentHeader | undefined;
  private chunks: Buffer[] = [];
  private received = 0;

  constructor(private readonly maxMessageSize: number) {}

  /** True between a content method and its last body frame. */
  get busy(): boolean {
    return this.method !== undefined;
  }

  /** Feeds one frame; returns a complete command when this frame finishes one. */
  push(frame: Frame): Command | undefined {
    const m = this.method;
    if (m === undefined) {
      if (frame.type !== FRAME_METHOD) throw unexpected('expected method frame, got non method frame instead');
      const method = decodeMethodPayload(frame.payload);
      if (!CONTENT_METHODS.has(method.name)) return { method };
      this.method = method;
      return undefined;
    }
    if (this.header === undefined) {
      if (frame.type !== FRAME_HEADER) throw unexpected(`expected content header for class ${m.classId}, got non content header frame instead`, m);
      const p = frame.payload;
      if (p.length < 14) throw new AmqpError(ReplyCode.frameError, `cannot decode ${formatErlangBinary(p)}`, m.classId, m.methodId);
      const classId = p.readUInt16BE(0);
      if (classId !== m.classId) throw unexpected(`expected content header for class ${m.classId}, got one for class ${classId} instead`, m);
      const bodySize = Number(p.readBigUInt64BE(4));
      if (bodySize > this.maxMessageSize) {
        // Refused at the header, not after buffering the body: the channel closes and later body frames are ignored.
        this.reset();
        throw new AmqpError(ReplyCode.preconditionFailed, messageTooLargeText(bodySize, this.maxMessageSize), m.classId, m.methodId);
      }
      this.header = { classId, bodySize, propertiesBytes: Buffer.from(p.subarray(12)) };
      if (bodySize === 0) return this.finish(Buffer.alloc(0));
      return undefined;
    }
    if (frame.type !== FRAME_BODY) throw unexpected('expected content body, got non content body frame instead', m);
    this.chunks.push(frame.payload);
    this.received += frame.payload.length;
    if (this.received < this.header.bodySize) return undefined;
    if (this.received > this.header.bodySize) {
      throw unexpected('expected content body, got non content body frame instead', m);
    }
    const body = this.chunks.length === 1 ? Buffer.from(this.chunks[0]!) : Buffer.concat(this.chunks, this.received);
    return this.finish(body);
  }

  private finish(body: Buffer): Command {
    const command: Command = { method: this.method!, header: this.header, body };
    this.reset();
    return command;
  }

  private reset(): void {
    this.method = undefined;
    this.header = undefined;
    this.chunks = [];
    this.received = 0;
  }
}
