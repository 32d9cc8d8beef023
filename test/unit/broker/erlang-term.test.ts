import { describe, expect, it } from 'vitest';
import { formatErlangBinary, payloadSnippet } from '../../../electron/broker/erlang-term.js';

describe('Erlang ~p of binaries', () => {
  it('prints printable bytes as a quoted binary and others as numbers', () => {
    expect(formatErlangBinary(Buffer.from('foo'))).toBe('<<"foo">>');
    expect(formatErlangBinary(Buffer.from('a"b\\'))).toBe('<<"a\\"b\\\\">>');
    expect(formatErlangBinary(Buffer.from([0, 20, 0, 10, 0]))).toBe('<<0,20,0,10,0>>');
    expect(formatErlangBinary(Buffer.alloc(0))).toBe('<<>>');
  });

  it('snips payloads longer than 16 octets', () => {
    expect(payloadSnippet(Buffer.from([1, 2]))).toBe('all octets = <<1,2>>');
    expect(payloadSnippet(Buffer.alloc(20))).toBe(`first 16 octets = <<${Array(16).fill(0).join(',')}>>`);
  });
});
