import type { Change, ChangeSet } from '../schema/index.js';
import { describeChangeInWords } from '../render/index.js';
import { changeId } from './change-id.js';
import { fenceUntrusted } from './fence-untrusted.js';
import { renderMappingTable } from './render-mapping-table.js';
import type { RenderedPrompt } from './render-patch-prompt.js';
import { judgePrompt } from './templates/judge-prompt.js';

/** The judge's prompt: the intended change, the mapping table and the proposed diff, nothing else. */
export function renderJudgePrompt(input: { changeSet: ChangeSet; changes: readonly Change[]; diff: string }): RenderedPrompt {
  const changes = input.changes.map((change) => `- ${changeId(change)} — ${describeChangeInWords(change).replace(/`/g, '')}`).join('\n');
  const user = [`## Intended change\n\n${changes}`, `## Mapping\n\n${renderMappingTable(input.changeSet)}`, `## Proposed patch\n\n${fenceUntrusted('unified diff of the proposed patch', input.diff)}`].join('\n\n');
  return {
    messages: [
      { role: 'system', content: judgePrompt.text },
      { role: 'user', content: `${user}\n` },
    ],
    versions: [`${judgePrompt.id}@${judgePrompt.version}`],
  };
}
