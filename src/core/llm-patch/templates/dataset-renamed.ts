import type { PromptTemplate } from './prompt-template.js';

/** A dataset that moved to another table (or version) where references were not plain literals. */
export const datasetRenamedTemplate: PromptTemplate = {
  id: 'dataset.renamed',
  version: 1,
  kinds: ['dataset.renamed'],
  scopeRadius: 3,
  endState: 'Every reference to the old table reads the new one (see the mapping table); column names stay as they are unless the change set renames them too.',
  preconditions: [
    '- The new table has the same rows as the old one, apart from the field changes listed in the mapping table.',
    '- Write the new name exactly as the mapping table gives it, with the same qualification (schema or dataset prefix) the code used.',
  ].join('\n'),
  instructions: [
    '- Replace the old table name where the code spells it: a SQL string, a constant, a query builder call.',
    '- Leave names of other tables that share a prefix or a suffix with it alone.',
  ].join('\n'),
  handOff: [
    '- The name is assembled at run time from pieces, or comes from configuration outside the repository.',
    '- The same name is used for a table that is not this dataset.',
  ].join('\n'),
};
