export type { HandledComment } from './handle-command.js';
export { handleCommand, maxCommandsPerComment } from './handle-command.js';
export { onPullRequestLabel } from './on-pull-request-label.js';
export { answerPatchCommand } from './answer-patch-command.js';
export type { OptOutNotice } from './ensure-opt-out-notice.js';
export { ensureOptOutNotice } from './ensure-opt-out-notice.js';
export { ensureOptOutNotices } from './ensure-opt-out-notices.js';
