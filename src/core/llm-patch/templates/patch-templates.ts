import { datasetRenamedTemplate } from './dataset-renamed.js';
import { enumValueRemovedTemplate } from './enum-value-removed.js';
import { fieldRemovedTemplate } from './field-removed.js';
import { fieldRenamedTemplate } from './field-renamed.js';
import { fieldTypeChangedTemplate } from './field-type-changed.js';
import type { PromptTemplate } from './prompt-template.js';

/** The templates for leftovers of a change, one per family; a kind none of them lists is never sent to the LLM. */
export const patchTemplates: readonly PromptTemplate[] = [fieldRemovedTemplate, fieldRenamedTemplate, fieldTypeChangedTemplate, datasetRenamedTemplate, enumValueRemovedTemplate];

/** The template for a change kind, when the LLM may try that kind at all. */
export function findPatchTemplate(kind: PromptTemplate['kinds'][number]): PromptTemplate | undefined {
  return patchTemplates.find((template) => template.kinds.includes(kind));
}
