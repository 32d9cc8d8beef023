// SASL responses of connection.start-ok. The parsing rules are the auth
// module's (RabbitMQ's PLAIN and AMQPLAIN); this adds the wire decoding of
// the AMQPLAIN table, which arrives without its length prefix.
import { MECHANISMS_STRING, parseAmqplainResponse, parsePlainResponse, type Credentials } from './auth/index.js';
import { decodeFieldTable } from './protocol/field-table.js';

export const MECHANISMS = MECHANISMS_STRING;

function amqplain(response: Buffer): Credentials | null {
  const withLength = Buffer.allocUnsafe(4 + response.length);
  withLength.writeUInt32BE(response.length, 0);
  response.copy(withLength, 4);
  try {
    return parseAmqplainResponse(decodeFieldTable(withLength, 0)[0]);
  } catch {
    return null;
  }
}

/** 'unknown' for a mechanism we do not offer; 'invalid' for a malformed response. */
export function parseCredentials(mechanism: string, response: Buffer): Credentials | 'unknown' | 'invalid' {
  if (mechanism === 'PLAIN') return parsePlainResponse(response) ?? 'invalid';
  if (mechanism === 'AMQPLAIN') return amqplain(response) ?? 'invalid';
  return 'unknown';
}
