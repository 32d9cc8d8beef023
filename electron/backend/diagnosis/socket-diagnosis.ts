import { TlsFileError } from '../tls/tls-material.js';
import type { Diagnosis } from './diagnosis.js';

/** Untrusted-certificate codes from Node's tls module. */
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

const TRUST_HINT = 'Set the CA file to the certificate authority that signed the server certificate, or, for a test broker only, skip verification.';

/**
 * Socket-level failures shared by the AMQP and HTTP checks: refused, DNS,
 * timeout, TLS. `where` is host:port; `tlsPort` names the usual TLS port for the hint.
 */
export function diagnoseSocketError(err: unknown, where: string, tlsPort: number): Diagnosis | null {
  if (err instanceof TlsFileError) return { code: 'tls', message: err.message, hint: 'Fix the path in the profile\'s TLS options.' };
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  const host = where.replace(/:\d+$/, '');

  if (code === 'ECONNREFUSED') {
    return { code: 'refused', message: `Connection refused by ${where}: nothing is listening there.`, hint: 'Check the host and port, and that the broker is running.' };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return { code: 'dns', message: `The host name ${host} cannot be resolved.`, hint: 'Check the spelling of the host, or use its IP address.' };
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || /ETIMEDOUT|timed? ?out/i.test(message)) {
    return { code: 'timeout', message: `No answer from ${where} in time.`, hint: 'A firewall may be dropping the connection, or the port belongs to another service.' };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return { code: 'refused', message: `${host} is unreachable from this machine.`, hint: 'Check the network route or VPN to the broker.' };
  }
  if (UNTRUSTED.has(code)) {
    return { code: 'tls', message: `The server certificate of ${where} is not trusted (${code}).`, hint: TRUST_HINT };
  }
  if (code === 'CERT_HAS_EXPIRED') return { code: 'tls', message: `The server certificate of ${where} has expired.`, hint: 'Renew the broker certificate.' };
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return { code: 'tls', message: `The server certificate does not name ${host}.`, hint: 'Connect with a host name the certificate lists, or fix the certificate.' };
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(message)) {
    return { code: 'tls', message: `${where} does not speak TLS.`, hint: `Use the plain scheme (amqp:// or http://), or the TLS port (usually ${tlsPort}).` };
  }
  if (/handshake failure|certificate required|alert/i.test(message) && /SSL|TLS/i.test(message + code)) {
    return { code: 'tls', message: `${where} rejected the TLS handshake.`, hint: 'The broker may require a client certificate: set the certificate and key files.' };
  }
  if (/^ERR_SSL_|^ERR_TLS_|CERT|^EPROTO$/.test(code)) {
    return { code: 'tls', message: `TLS failed with ${where} (${code}).`, hint: TRUST_HINT };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { code: 'protocol', message: `${where} closed the connection abruptly.`, hint: 'The port may belong to another service, or the broker may be limiting connections.' };
  }
  return null;
}
