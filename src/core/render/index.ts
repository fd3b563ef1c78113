export { renderChangeSetJson } from './change-set-json.js';
export { renderChangeSetText, sortChangesBySeverity } from './change-set-text.js';
export type { EditAuthor, PrBodyInput } from './pr-body.js';
export { describeChangeInWords, findPrMarker, renderPrBody, renderPrTitle } from './pr-body.js';
export { needsHumanMarker, renderNeedsHumanIssue } from './needs-human-issue.js';
export type { ConsumerImpact, DatasetImpact, ImpactPreviewInput } from './impact-preview.js';
export { renderImpactPreview } from './impact-preview.js';
export type { OptOutNoticeInput } from './opt-out-notice.js';
export { findOptOutNoticeMarker, optOutNoticeMarker, renderOptOutNotice } from './opt-out-notice.js';
