/** Raised when bytes on the wire do not form a valid value; maps to a frame or syntax error. */
export class DecodeError extends Error {}

/**
 * Input RabbitMQ's reader cannot survive (an unknown method, an unknown field
 * type): it drops the socket without a connection.close, and so do we.
 */
export class UnrecoverableInputError extends Error {}
