import type { PromptTemplate } from './prompt-template.js';

/** A field the dataset no longer has, still declared, selected or read by the consumer. */
export const fieldRemovedTemplate: PromptTemplate = {
  id: 'field.removed',
  version: 1,
  kinds: ['field.removed'],
  scopeRadius: 3,
  endState: 'The consumer no longer declares, selects or reads the removed field, and everything else it does with the dataset is unchanged.',
  preconditions: [
    '- The field is gone from the dataset for good. It was not renamed: a rename would be listed as one.',
    '- The codemods already made every edit they could be certain of; the sites below are the ones they stopped at, each with the reason.',
  ].join('\n'),
  instructions: [
    '- In a row type that mirrors the dataset (interface, type alias, class, zod object), delete the property.',
    '- In SQL, delete the column from the select list, together with the comma that separates it; keep every other column, join, filter and the structure of the query.',
    '- Where the value is only carried along or displayed (a log line, an output column, a field copied into another object), delete that use.',
  ].join('\n'),
  handOff: [
    '- The value drives a decision: a condition, a filter, arithmetic, a sort, a value stored or sent elsewhere.',
    '- A test asserts on the field.',
    '- Deleting the use would leave a function, export or public interface without its meaning.',
  ].join('\n'),
};
