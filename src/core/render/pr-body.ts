import { z } from 'zod';
import type { Change, ChangeSet } from '../schema/index.js';
import { code, escapeCell, renderTable } from './markdown.js';

/** Who wrote an edit: a deterministic transform, or the LLM under verification. */
export type EditAuthor = 'codemod' | 'llm';

/** Everything the PR body says, gathered by the patch-consumer workflow. */
export type PrBodyInput = {
  migrationId: string;
  consumer: { entityRef: string; repoUrl: string; branch: string };
  upstream: { repo: string; sha: string; commitUrl: string; reason?: string };
  changeSet: ChangeSet;
  edits: readonly { path: string; transform: string; author: EditAuthor }[];
  leftovers: readonly { path: string; line: number; change: Change; reason: string; diagnosis?: string }[];
  verification: {
    typecheck: { status: 'passed' | 'failed' | 'skipped'; newErrors: number; detail?: string };
    command?: { command: string; status: 'passed' | 'failed' | 'skipped'; detail?: string };
  };
  /** `usage`: what the LLM spent on this consumer, when it was asked at all. */
  llm: { configured: boolean; usage?: { attempts: number; promptTokens: number; completionTokens: number } };
  /** A line a reviewer must see first, e.g. that the bot stopped updating the branch. */
  notice?: string;
  /** The slash commands this installation answers; none → the section is left out. */
  commands: readonly (readonly [string, string])[];
};

// GitHub refuses bodies over 65,536 characters; keep a margin for the marker and the notice.
const maxBodyLength = 60_000;

/** A change in words: "`user_email` renamed to `email`". */
export function describeChangeInWords(change: Change): string {
  const field = change.path.length === 0 ? 'the dataset' : code(change.path.join('.'));
  const from = code(change.from ?? '∅');
  const to = code(change.to ?? '∅');
  switch (change.kind) {
    case 'field.added': return `${field} added`;
    case 'field.removed': return `${field} removed`;
    case 'field.renamed': return `${field} renamed to ${to}`;
    case 'field.suspected-rename': return `${field} possibly renamed to ${to} (unconfirmed)`;
    case 'field.moved': return `${field} moved to ${to}`;
    case 'field.type-changed': return `${field} changed type from ${from} to ${to}`;
    case 'field.nullability-changed': return `${field} became ${change.to ?? 'different'}`;
    case 'enum.value-added': return `${field} gained the value ${to}`;
    case 'enum.value-removed': return `${field} lost the value ${from}`;
    case 'constraint.changed': return `${field} constraint ${from} → ${to}`;
    case 'dataset.renamed': return `the table moved from ${from} to ${to}`;
    case 'dataset.version-added': return `version ${to} published`;
    case 'dataset.deprecated': return `the dataset is deprecated${change.to === undefined ? '' : ` (removal ${change.to})`}`;
    case 'metadata.changed': return `${field}: ${change.detail ?? 'metadata changed'}`;
  }
}

/** What changed upstream, for the PR body and the needs-a-person issue. */
export function renderUpstream(input: Pick<PrBodyInput, 'changeSet' | 'upstream'>): string {
  const { changeSet, upstream } = input;
  const name = changeSet.dataset.physicalName ?? changeSet.dataset.name;
  const version = changeSet.toVersion === undefined ? '' : ` (version ${changeSet.fromVersion ?? '?'} → ${changeSet.toVersion})`;
  const lines = changeSet.changes
    .filter((change) => change.severity !== 'non-breaking')
    .map((change) => `- **${change.severity}** — ${describeChangeInWords(change)}${change.evidence === undefined ? '' : ` (${change.evidence})`}`);
  const reason = upstream.reason === undefined ? '' : `\n\n> ${upstream.reason.replace(/\n/g, '\n> ')}`;
  return [
    `The schema of ${code(changeSet.dataset.name)} (${code(name)})${version} changed in ${upstream.repo}@[${upstream.sha.slice(0, 7)}](${upstream.commitUrl}).${reason}`,
    '',
    lines.length === 0 ? 'No breaking change; this PR only keeps the code in step.' : lines.join('\n'),
  ].join('\n');
}

function renderEdits(input: PrBodyInput): string {
  if (input.edits.length === 0) return '### Edits\n\nNo file needed an edit.';
  const byTransform = new Map<string, { files: Set<string>; author: EditAuthor }>();
  for (const edit of input.edits) {
    const entry = byTransform.get(edit.transform) ?? { files: new Set<string>(), author: edit.author };
    entry.files.add(edit.path);
    byTransform.set(edit.transform, entry);
  }
  const rows = [...byTransform].map(([transform, entry]) => [
    code(transform),
    entry.author === 'llm' ? 'LLM, verified' : 'codemod',
    [...entry.files].sort().map((file) => code(escapeCell(file))).join(', '),
  ]);
  return `### Edits\n\n${renderTable(['Transform', 'Written by', 'Files'], rows)}`;
}

function renderLlm(input: PrBodyInput): string {
  const written = input.edits.filter((edit) => edit.author === 'llm');
  if (!input.llm.configured) return '### LLM\n\nNo LLM is configured for this installation: every edit here is a deterministic codemod.';
  const usage = input.llm.usage;
  const spent = usage === undefined ? '' : `\n\nIt made ${usage.attempts} attempt(s) for this repository, using ${(usage.promptTokens + usage.completionTokens).toLocaleString('en-US')} tokens.`;
  if (written.length === 0) return `### LLM\n\nThe LLM wrote no edit in this PR.${spent}`;
  const files = [...new Set(written.map((edit) => edit.path))].sort().map((file) => `- ${code(file)}`);
  return `### LLM\n\nThese files hold edits the LLM wrote; each passed the same verification as the codemods:\n\n${files.join('\n')}${spent}`;
}

/** The sites left for a person, linked to their lines, cut to `limit` rows. */
export function renderLeftovers(input: Pick<PrBodyInput, 'leftovers' | 'consumer'>, limit: number): string {
  if (input.leftovers.length === 0) return '';
  const shown = input.leftovers.slice(0, limit);
  const rows = shown.map((leftover) => [
    `[${code(`${leftover.path}:${leftover.line}`)}](${input.consumer.repoUrl}/blob/${input.consumer.branch}/${leftover.path}#L${leftover.line})`,
    escapeCell(describeChangeInWords(leftover.change)),
    escapeCell(leftover.diagnosis === undefined ? leftover.reason : `${leftover.reason} — ${leftover.diagnosis}`),
  ]);
  const more = input.leftovers.length > shown.length ? `\n\n…and ${input.leftovers.length - shown.length} more; run \`/downstream explain\` for the full list.` : '';
  return `### Needs a person (${input.leftovers.length})\n\nThese sites could not be fixed with certainty, so downstream left them as they are:\n\n${renderTable(['Where', 'Change', 'Why'], rows)}${more}`;
}

function renderVerification(input: PrBodyInput): string {
  const { typecheck, command } = input.verification;
  const icon = (status: string): string => (status === 'passed' ? '✅' : status === 'failed' ? '❌' : '➖');
  const typeLine = `${icon(typecheck.status)} Type check of the touched files: ${typecheck.status}${typecheck.status === 'failed' ? ` (${typecheck.newErrors} new error${typecheck.newErrors === 1 ? '' : 's'})` : ''}${typecheck.detail === undefined ? '' : ` — ${typecheck.detail}`}`;
  const commandLine = command === undefined
    ? '➖ No `verify` command is configured in `.github/downstream.yml`.'
    : `${icon(command.status)} ${code(command.command)}: ${command.status}${command.detail === undefined ? '' : ` — ${command.detail}`}`;
  return `### Verification\n\n${typeLine}\n${commandLine}`;
}

function renderFooter(input: PrBodyInput): string {
  const commands = input.commands.map(([name, what]) => `- \`/downstream ${name}\` — ${what}`).join('\n');
  const marker = JSON.stringify({ migration: input.migrationId, consumer: input.consumer.entityRef });
  return [
    '### If you close this PR',
    '',
    'Closing it unmerged declines this migration for this repository: downstream will not reopen it, and the producer sees it as declined. To stop PRs from downstream here for good, add the topic `downstream-opt-out` to the repository or set `enabled: false` in `.github/downstream.yml`.',
    '',
    ...(commands === '' ? [] : ['<details><summary>Commands</summary>', '', 'Comment on this PR (write access needed; `opt-out` needs maintain):', '', commands, '', '</details>', '']),
    `<!-- downstream:${marker} -->`,
  ].join('\n');
}

/** The body of a consumer PR (DESIGN §5); long leftover lists are cut to stay under GitHub's limit. */
export function renderPrBody(input: PrBodyInput): string {
  const build = (limit: number): string =>
    [
      input.notice === undefined ? '' : `> [!NOTE]\n> ${input.notice}`,
      '## Schema change upstream',
      renderUpstream(input),
      renderEdits(input),
      renderLlm(input),
      renderLeftovers(input, limit),
      renderVerification(input),
      renderFooter(input),
    ]
      .filter((section) => section !== '')
      .join('\n\n') + '\n';
  let limit = input.leftovers.length;
  let body = build(limit);
  while (body.length > maxBodyLength && limit > 0) {
    limit = Math.floor(limit / 2);
    body = build(limit);
  }
  return body;
}

/** The PR title: short, and says what a reviewer is asked to accept. */
export function renderPrTitle(changeSet: ChangeSet): string {
  const name = changeSet.dataset.name;
  if (changeSet.toVersion !== undefined && changeSet.toVersion !== changeSet.fromVersion) return `Migrate to ${name} v${changeSet.toVersion}`;
  const breaking = changeSet.changes.filter((change) => change.severity === 'breaking');
  const [only] = breaking;
  if (breaking.length === 1 && only?.kind === 'field.renamed') return `Follow ${name}: ${only.from} → ${only.to}`;
  return `Follow the ${name} schema change`;
}

const markerSchema = z.object({ migration: z.string(), consumer: z.string() });

/** Reads the hidden marker back from a PR body: which migration and consumer a PR belongs to. */
export function findPrMarker(body: string): { migration: string; consumer: string } | undefined {
  const match = /<!-- downstream:(\{.*?\}) -->/.exec(body);
  if (match?.[1] === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(match[1]);
  } catch {
    // A marker someone edited into invalid JSON belongs to no migration.
    return undefined;
  }
  const parsed = markerSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
