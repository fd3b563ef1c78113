import type { PromptTemplate } from './prompt-template.js';

/** An enum value the dataset no longer produces, still admitted or compared by the consumer. */
export const enumValueRemovedTemplate: PromptTemplate = {
  id: 'enum.value-removed',
  version: 1,
  kinds: ['enum.value-removed'],
  scopeRadius: 3,
  endState: 'Types that mirror the field no longer admit the removed value, and no code produces it.',
  preconditions: ['- The dataset will never contain the value again; rows already read keep whatever they had.'].join('\n'),
  instructions: [
    '- Delete the value from union types, enum declarations and zod enums that mirror the field.',
    '- Delete a comparison or a `case` for the value only when its branch has no effect of its own (it falls through or returns what the default returns).',
  ].join('\n'),
  handOff: ['- Code branches on the value and does something for it: what should happen instead is a product decision.'].join('\n'),
};
