import { describe, expect, it } from 'vitest';
import { fromDraft, toDraft } from '../../../../renderer/views/topology/edit/argument-draft.js';
import { QUEUE_ARGUMENTS } from '../../../../renderer/views/topology/edit/known-arguments.js';

describe('arguments draft', () => {
  it('round-trips known arguments as typed values and others as typed free rows', () => {
    const args = { 'x-message-ttl': 60000, 'x-single-active-consumer': true, 'x-overflow': 'reject-publish', 'x-custom': 'a b', 'x-weight': 1.5, 'x-flag': false };
    const draft = toDraft(args, QUEUE_ARGUMENTS);
    expect(draft.known).toEqual({ 'x-message-ttl': '60000', 'x-single-active-consumer': 'true', 'x-overflow': 'reject-publish' });
    expect(draft.extra.map((r) => [r.key, r.type])).toEqual([['x-custom', 'string'], ['x-weight', 'number'], ['x-flag', 'boolean']]);
    expect(fromDraft(draft, QUEUE_ARGUMENTS)).toEqual({ args, errors: {} });
  });

  it('names the field of each problem: not a whole number, not a number, a missing or repeated name', () => {
    const { errors } = fromDraft(
      {
        known: { 'x-max-length': '-1', 'x-expires': '' },
        extra: [
          { id: 1, key: 'x-n', type: 'number', value: 'ten' },
          { id: 2, key: '', type: 'string', value: 'orphan' },
          { id: 3, key: '', type: 'string', value: '' },
        ],
      },
      QUEUE_ARGUMENTS,
    );
    expect(errors).toEqual({ 'x-max-length': 'A whole number, 0 or more', 'extra:1': 'Not a number', 'extra:2': 'A name is needed' });
  });
});
