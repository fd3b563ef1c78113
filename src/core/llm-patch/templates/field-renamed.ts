import type { PromptTemplate } from './prompt-template.js';

/** A renamed or moved field whose remaining uses the codemods could not rename with certainty. */
export const fieldRenamedTemplate: PromptTemplate = {
  id: 'field.renamed',
  version: 1,
  kinds: ['field.renamed', 'field.moved'],
  scopeRadius: 3,
  endState: 'Every use of the field that refers to this dataset uses its new name (for a move, its new path); nothing else that happens to share the old name changes.',
  preconditions: [
    '- The producer confirmed the rename (it is declared or follows from field identity). The field kept its type.',
    '- Read the mapping table for the old and the new name; do not derive names yourself.',
  ].join('\n'),
  instructions: [
    "- In SQL, rename the column only where it belongs to this dataset's table or one of its aliases; a column of the same name on another table stays.",
    '- Where a query still projects the new column under the old name (`new AS old`) and its rows are now read by the new name, drop the alias.',
    '- In code, rename property accesses, keys and destructuring of rows from this dataset.',
  ].join('\n'),
  handOff: [
    '- The old name is part of a contract outside this repository: a public API field, a message format, a column of another table, a stored key.',
    '- You cannot tell which table a column belongs to, or whether a value comes from this dataset.',
  ].join('\n'),
};
