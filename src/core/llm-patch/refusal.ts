import type { ProposedEdit } from './parse-patch-response.js';

/** The guardrail that refused an edit. */
export type GuardrailRule = 'applies' | 'target' | 'protected-path' | 'change' | 'test-integrity' | 'suppression' | 'commented-out' | 'size' | 'scope';

/** Why an edit may not be written, said so the model (and a person) can act on it. */
export type Refusal = { rule: GuardrailRule; file: string; reason: string };

/** A proposed edit found in the current text: `[start, end)` holds `original`. */
export type LocatedEdit = ProposedEdit & { start: number; end: number };
