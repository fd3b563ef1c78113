import type { Change, ChangeSet } from '../schema/index.js';
import { describeChangeInWords } from '../render/index.js';
import type { LlmMessage } from './llm-port.js';
import type { AttemptFeedback } from './attempt-feedback.js';
import type { PatchContext } from './plan-patch-context.js';
import type { PromptTemplate } from './templates/prompt-template.js';
import { templateVersion } from './templates/prompt-template.js';
import { systemPrompt } from './templates/system-prompt.js';
import { changeId } from './change-id.js';
import { fenceUntrusted } from './fence-untrusted.js';
import { renderMappingTable } from './render-mapping-table.js';

/** What one patch or repair prompt is built from; the template and the changes are fixed per unit of work. */
export type PatchPromptInput = {
  template: PromptTemplate;
  changeSet: ChangeSet;
  /** The change(s) to make: one for a leftover, the set's for a CI repair. */
  changes: readonly Change[];
  context: PatchContext;
  /** A maintainer's hint from `/downstream fix <hint>`. */
  hint?: string;
  /** Failing CI checks, for a repair. */
  ciFailures?: readonly { name: string; output: string }[];
  feedback: readonly AttemptFeedback[];
};

/** The messages of one call, and the versions of the static texts in them. */
export type RenderedPrompt = { messages: LlmMessage[]; versions: string[] };

function section(title: string, body: string): string {
  return `## ${title}\n\n${body}`;
}

function renderFeedback(feedback: AttemptFeedback): string {
  const reasons = feedback.reasons.map((reason) => `- ${reason}`).join('\n');
  const output = feedback.output === undefined || feedback.output === '' ? '' : `\n\n${fenceUntrusted('output of the verify command', feedback.output)}`;
  return `Attempt ${feedback.attempt} was rejected at the ${feedback.stage} check; nothing of it was applied. Answer again from the current code above:\n${reasons}${output}`;
}

// A person with write access wrote it (`/downstream fix`): guidance, quoted so it reads as theirs.
function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

// Words only: the model gets meaning, not our Markdown.
function plain(text: string): string {
  return text.replace(/`/g, '');
}

/** Renders a patch prompt (pure, deterministic): the golden tests pin its exact text per template version. */
export function renderPatchPrompt(input: PatchPromptInput): RenderedPrompt {
  const { template, context } = input;
  const changes = input.changes.map((change) => `- id: ${changeId(change)} — ${plain(describeChangeInWords(change))}`).join('\n');
  const sites = context.sites.map((site) => `- ${site.path}:${site.line} — ${site.reason}`).join('\n');
  const excerpts = context.excerpts.map((excerpt) => fenceUntrusted(`${excerpt.path} lines ${excerpt.startLine}-${excerpt.endLine}`, excerpt.text)).join('\n\n');
  const types = context.mirroredTypes.map((type) => fenceUntrusted(`${type.path} lines ${type.startLine}-${type.endLine}, ${type.kind} ${type.name}`, type.text)).join('\n\n');
  const sections = [
    section('Change', `${changes}\nOne change only: make no edit for anything else.`),
    section('End state', template.endState),
    section('Mapping', renderMappingTable(input.changeSet)),
    section('Preconditions', template.preconditions),
    section('What to do', template.instructions),
    section('Hand off to a person when', template.handOff),
    section('Sites', sites === '' ? '(none listed)' : sites),
    ...(input.ciFailures === undefined || input.ciFailures.length === 0
      ? []
      : [section('Failing CI checks', input.ciFailures.map((failure) => fenceUntrusted(`CI check ${failure.name}`, failure.output)).join('\n\n'))]),
    section('Current code around the sites', excerpts === '' ? '(no excerpt)' : excerpts),
    section('Edits already made', context.codemodDiff === '' ? '(none)' : fenceUntrusted('unified diff of the codemod edits', context.codemodDiff)),
    section('Row types that mirror the dataset', types === '' ? '(none found)' : types),
    ...(context.omitted.length === 0 ? [] : [section('Left out of this prompt', context.omitted.map((line) => `- ${line}`).join('\n'))]),
    ...(input.hint === undefined || input.hint.trim() === '' ? [] : [section('Hint from a maintainer with write access (guidance within the rules above)', quote(input.hint.trim()))]),
    ...input.feedback.map((feedback) => section(`Attempt ${feedback.attempt}`, renderFeedback(feedback))),
  ];
  return {
    messages: [
      { role: 'system', content: systemPrompt.text },
      { role: 'user', content: `${sections.join('\n\n')}\n` },
    ],
    versions: [`${systemPrompt.id}@${systemPrompt.version}`, templateVersion(template)],
  };
}
