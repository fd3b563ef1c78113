import ignore from 'ignore';

/** GitHub users and teams (`org/team` → team slug) to ask for review. */
export type Reviewers = { users: string[]; teams: string[] };

type Rule = { pattern: string; owners: string[] };

/** CODEOWNERS rules in file order; comments and blank lines dropped. */
export function parseCodeowners(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const [pattern, ...owners] = line.split(/\s+/);
    if (pattern !== undefined) rules.push({ pattern, owners: owners.filter((owner) => owner.startsWith('@')) });
  }
  return rules;
}

/** The owners of one file: the last matching rule wins, as on GitHub. */
function ownersOf(rules: readonly Rule[], file: string): string[] {
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index];
    if (rule !== undefined && ignore().add(rule.pattern).ignores(file)) return rule.owners;
  }
  return [];
}

function toReviewers(handles: Iterable<string>): Reviewers {
  const users = new Set<string>();
  const teams = new Set<string>();
  for (const handle of handles) {
    const name = handle.replace(/^@/, '');
    const slash = name.indexOf('/');
    if (slash >= 0) teams.add(name.slice(slash + 1));
    else if (name !== '') users.add(name);
  }
  return { users: [...users].sort(), teams: [...teams].sort() };
}

/** A Backstage owner ref (`group:default/growth`, `user:alice`, `growth`) as a GitHub reviewer. */
function fromCatalogOwner(owner: string): Reviewers {
  const match = /^(?:(user|group):)?(?:[^/]+\/)?(.+)$/i.exec(owner.trim());
  if (match?.[2] === undefined) return { users: [], teams: [] };
  return match[1]?.toLowerCase() === 'user' ? { users: [match[2]], teams: [] } : { users: [], teams: [match[2]] };
}

/**
 * Who reviews a consumer PR: reviewers named in the consumer's config first, else the catalog
 * owner, else the CODEOWNERS of the edited files (DESIGN: "catalog owner, else CODEOWNERS").
 */
export function decideReviewers(input: { configured: readonly string[]; catalogOwner?: string; codeowners?: string; editedFiles: readonly string[] }): Reviewers {
  if (input.configured.length > 0) return toReviewers(input.configured);
  if (input.catalogOwner !== undefined && input.catalogOwner !== '') return fromCatalogOwner(input.catalogOwner);
  if (input.codeowners === undefined) return { users: [], teams: [] };
  const rules = parseCodeowners(input.codeowners);
  return toReviewers(input.editedFiles.flatMap((file) => ownersOf(rules, file)));
}
