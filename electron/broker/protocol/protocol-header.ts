// The 8-byte protocol header a client sends first. Anything but AMQP 0-9-1
// gets our header back and the socket closed, as the spec (and RabbitMQ) say.
export const PROTOCOL_HEADER = Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]);

export function checkProtocolHeader(bytes: Buffer): boolean {
  return bytes.length === 8 && bytes.equals(PROTOCOL_HEADER);
}
