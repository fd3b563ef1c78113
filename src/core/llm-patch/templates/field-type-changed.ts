import type { PromptTemplate } from './prompt-template.js';

/** A field whose type or nullability changed, where uses no longer type-check. */
export const fieldTypeChangedTemplate: PromptTemplate = {
  id: 'field.type-changed',
  version: 1,
  kinds: ['field.type-changed', 'field.nullability-changed'],
  scopeRadius: 5,
  endState: 'Code that reads the field handles its new type (see the mapping table) with the same meaning as before, and the type checker reports no error at the listed sites.',
  preconditions: [
    '- The declared row types already carry the new type where the codemods could change them; the listed sites are uses that stopped compiling or declarations they could not change.',
    '- The field kept its name.',
  ].join('\n'),
  instructions: [
    '- Convert at the point of use, in the narrowest way that keeps the meaning: `Number(value)` where a numeric string or bigint used to be a number, a null check where the field became nullable.',
    "- Change a declared type only when it is this field's type in a row type or a variable that holds the field.",
    '- Never widen a type to `any` or `unknown` to make an error go away.',
  ].join('\n'),
  handOff: [
    '- The conversion can lose information: precision, range, a time zone, a currency.',
    '- A null has no obvious meaning at the site (should the row be skipped, defaulted, or rejected?).',
    '- The value crosses a public interface whose type would change.',
  ].join('\n'),
};
