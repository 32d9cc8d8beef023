import { describe, expect, it } from 'vitest';
import { type BudgetedBody, HEAD_BYTES, createBodyBudget } from '../../../../electron/backend/workbench/consume/body-budget.js';

const body = (bytes: number, pending = false): BudgetedBody => ({ body: Buffer.alloc(bytes, 7), whole: true, pending });

describe('body budget', () => {
  it('cuts the oldest bodies to their head once the total is over the limit', () => {
    const budget = createBodyBudget(10_000);
    const [a, b, c] = [body(4000), body(4000), body(4000)];
    budget.hold(a);
    budget.hold(b);
    expect(budget.total).toBe(8000);
    budget.hold(c);
    expect(a.whole).toBe(false);
    expect(a.body.length).toBe(HEAD_BYTES);
    expect([b.whole, c.whole]).toEqual([true, true]);
    expect(budget.total).toBe(8000);
  });

  it('skips pending bodies: a move still needs them', () => {
    const budget = createBodyBudget(10_000);
    const [a, b, c] = [body(4000, true), body(4000), body(4000)];
    for (const e of [a, b, c]) budget.hold(e);
    expect(a.whole).toBe(true);
    expect(b.whole).toBe(false);
    expect(budget.total).toBe(8000);
  });

  it('a released body stops counting and keeps no bytes alive', () => {
    const budget = createBodyBudget(10_000);
    const a = body(4000);
    budget.hold(a);
    budget.release(a);
    expect(budget.total).toBe(0);
    expect(a.body.length).toBe(0);
  });
});
