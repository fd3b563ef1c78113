import { describe, expect, it } from 'vitest';
import { decideBudget, describeExhausted, estimateCallTokens, estimateUsage } from './decide-budget.js';

const budget = { perConsumer: 10_000, perMigration: 50_000 };

describe('decideBudget', () => {
  it.each([
    ['fits both', { consumer: 2_000, migration: 20_000 }, 3_000, { kind: 'within', remaining: 5_000 }],
    ['exactly fills the consumer budget', { consumer: 7_000, migration: 0 }, 3_000, { kind: 'within', remaining: 0 }],
    ['overruns the consumer budget', { consumer: 8_000, migration: 0 }, 3_000, { kind: 'exhausted', scope: 'consumer', spent: 8_000, limit: 10_000, needed: 3_000 }],
    ['overruns the migration budget first', { consumer: 8_000, migration: 48_000 }, 3_000, { kind: 'exhausted', scope: 'migration', spent: 48_000, limit: 50_000, needed: 3_000 }],
  ])('%s', (_what, spent, needed, expected) => {
    expect(decideBudget(budget, spent, needed)).toEqual(expected);
  });

  it('estimates a call as its prompt at four characters a token plus the whole completion allowance', () => {
    expect(estimateCallTokens([{ role: 'system', content: 'x'.repeat(400) }, { role: 'user', content: 'y'.repeat(401) }], 1_000)).toBe(201 + 16 + 1_000);
    expect(estimateUsage([{ role: 'user', content: 'abcd' }], 'abcdefgh')).toEqual({ promptTokens: 9, completionTokens: 2, estimated: true });
  });

  it('says which budget is spent', () => {
    expect(describeExhausted({ kind: 'exhausted', scope: 'migration', spent: 48_000, limit: 50_000, needed: 3_000 })).toBe('the LLM token budget for this migration is spent (48000 of 50000 tokens used; the next call could need 3000)');
  });
});
