export type { CampaignActionResult } from './campaign-actions.js';
export { abortCampaign, pauseCampaign, requestPromote, resumeCampaign, retryFailed } from './campaign-actions.js';
export { planCampaign } from './plan-campaign.js';
export { evaluateGate, haltedLabel } from './evaluate-gate.js';
export { trackingLabel, updateTrackingIssue } from './update-tracking-issue.js';
export { onTrackingIssueEvent } from './on-tracking-issue-event.js';
export { onBranchPushed } from './on-branch-pushed.js';
export { applyAutomerge, listOpenRunsIn, rebaseConflictingPulls } from './apply-automerge.js';
export { findRevertedMigration, supersedeRevertedMigration } from './supersede-reverted.js';
