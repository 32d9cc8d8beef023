/** Raised when bytes on the wire do not form a valid value; maps to a frame or syntax error. */
export class DecodeError extends Error {}
