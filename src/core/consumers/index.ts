export type { Reviewers } from './decide-reviewers.js';
export { decideReviewers, parseCodeowners } from './decide-reviewers.js';
export { planBranchName } from './plan-branch-name.js';
export type { OptOutReason } from './decide-opt-out.js';
export { decideOptOut, optOutTopic } from './decide-opt-out.js';
