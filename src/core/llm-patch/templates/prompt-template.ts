import type { ChangeKind } from '../../schema/index.js';

/**
 * Static, versioned guidance for one family of changes (migration-results.md §6: vague, derived
 * guides caused wrong mappings at Spotify). Bump `version` whenever a word changes: the version is
 * recorded with every attempt and golden-tested, so a prompt never changes silently.
 */
export type PromptTemplate = {
  id: string;
  version: number;
  kinds: readonly ChangeKind[];
  /** How many lines from a listed site an edit may reach (the scope check). */
  scopeRadius: number;
  endState: string;
  preconditions: string;
  instructions: string;
  handOff: string;
};

/** `field.removed@1`: how an attempt names the template it used. */
export function templateVersion(template: Pick<PromptTemplate, 'id' | 'version'>): string {
  return `${template.id}@${template.version}`;
}
