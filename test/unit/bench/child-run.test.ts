import { describe, expect, it } from 'vitest';
import { parseChildOutput } from '../../../scripts/bench/child-run.js';

const result = {
  server: 'Warren 3.10.8', published: 1, confirmed: null, nacked: 0, owed: 1, delivered: 1, duplicates: 0, foreign: 0, missing: 0,
  drained: true, publishCapped: false, publishRate: 1, deliveryRate: 1, latencyP50: 1, latencyP99: 1, latencyMax: 1, elapsedSeconds: 1,
};

describe('parseChildOutput', () => {
  it('reads the result from the last stdout line', () => {
    expect(parseChildOutput(`noise\n${JSON.stringify({ ok: true, result })}\n`, '', 'exited with status 0')).toEqual({ ok: true, result });
  });

  it('passes the run’s own failure through', () => {
    expect(parseChildOutput(JSON.stringify({ ok: false, error: 'producer 0 channel closed unexpectedly' }), '', 'exited with status 1')).toEqual({
      ok: false,
      error: 'producer 0 channel closed unexpectedly',
    });
  });

  it('explains a child that printed no result with how it ended and its last stderr lines', () => {
    expect(parseChildOutput('', 'a\nb\nc\nTypeError: x', 'killed by SIGKILL')).toEqual({ ok: false, error: 'bench killed by SIGKILL: b | c | TypeError: x' });
    expect(parseChildOutput(JSON.stringify({ ok: true, result: { server: 1 } }), '', 'exited with status 0').ok).toBe(false);
  });
});
