import type { PromptTemplate } from './prompt-template.js';

/** A bot PR whose CI failed: one repair round for failures the migration caused. */
export const ciRepairTemplate: PromptTemplate = {
  id: 'ci.repair',
  version: 1,
  kinds: [],
  scopeRadius: 3,
  endState: "The pull request's CI passes: the listed failures, which the schema change or its patch caused, are fixed, and nothing else changes.",
  preconditions: [
    '- The patch already on the branch is shown under "Edits already made"; CI ran on it and failed with the output below.',
    '- The sites are where CI points: annotations, and file:line references in its output.',
  ].join('\n'),
  instructions: [
    '- Fix only failures that follow from the schema change in the mapping table: a name, a type, a removed field.',
    '- Make the failing code agree with the new schema; never make a test agree with broken code.',
  ].join('\n'),
  handOff: [
    '- The failure is unrelated to the schema change: a flaky test, infrastructure, a dependency, a lint rule on untouched code.',
    "- Fixing it would change a test's expectation.",
  ].join('\n'),
};
