/** A Jinja tag in a dbt model: `{{ … }}` (an expression), `{% … %}` (a statement), `{# … #}` (a comment). */
export type JinjaTag = { start: number; end: number; kind: 'expression' | 'statement' | 'comment'; body: string; bodyStart: number };

const closers = { '{{': '}}', '{%': '%}', '{#': '#}' } as const;

/** Every Jinja tag of a text, in order; an unclosed tag runs to the end. */
export function findJinjaTags(text: string): JinjaTag[] {
  const tags: JinjaTag[] = [];
  let at = text.search(/\{[{%#]/);
  while (at !== -1) {
    const open = text.slice(at, at + 2);
    const close = open === '{{' ? closers['{{'] : open === '{%' ? closers['{%'] : closers['{#'];
    const closeAt = text.indexOf(close, at + 2);
    const end = closeAt === -1 ? text.length : closeAt + 2;
    tags.push({ start: at, end, kind: open === '{{' ? 'expression' : open === '{%' ? 'statement' : 'comment', body: text.slice(at + 2, closeAt === -1 ? text.length : closeAt), bodyStart: at + 2 });
    const next = text.slice(end).search(/\{[{%#]/);
    at = next === -1 ? -1 : end + next;
  }
  return tags;
}

/** A `ref(…)` or `source(…)` call in a tag, with where its version pin sits. */
export type DbtRelation = {
  kind: 'ref' | 'source';
  /** `ref('users')` → `users`; `source('crm', 'users')` → `crm.users`. */
  name: string;
  /** The offset and text of the model or table name literal (without quotes). */
  nameStart: number;
  nameText: string;
  version?: { start: number; end: number; value: string };
};

/** Reads `ref('model')`, `ref('pkg', 'model', v=2)`, `source('src', 'table')` in a Jinja expression. */
export function findDbtRelations(tag: JinjaTag): DbtRelation[] {
  const found: DbtRelation[] = [];
  const pattern = /\b(ref|source)\s*\(\s*(['"])([^'"]+)\2(?:\s*,\s*(['"])([^'"]+)\4)?(?:\s*,\s*(?:v|version)\s*=\s*(['"]?)(\d+)\6)?\s*\)/g;
  for (const match of tag.body.matchAll(pattern)) {
    const kind = match[1] === 'source' ? 'source' : 'ref';
    const first = match[3] ?? '';
    const second = match[5];
    const lastText = second ?? first;
    const lastOffset = match[0].lastIndexOf(`${second === undefined ? match[2] : match[4]}${lastText}`) + 1;
    const relation: DbtRelation = { kind, name: kind === 'source' && second !== undefined ? `${first}.${second}` : lastText, nameStart: tag.bodyStart + match.index + lastOffset, nameText: lastText };
    const version = match[7];
    if (version !== undefined) {
      const versionOffset = match[0].lastIndexOf(version);
      relation.version = { start: tag.bodyStart + match.index + versionOffset, end: tag.bodyStart + match.index + versionOffset + version.length, value: version };
    }
    found.push(relation);
  }
  return found;
}
