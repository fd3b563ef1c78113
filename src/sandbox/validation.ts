/** What the sandbox exchanged, handed to a validator: a REST request and its response, or a webhook delivery. */
export type ValidationSubject =
  | { kind: 'request'; operationId: string; body: unknown }
  | { kind: 'response'; operationId: string; status: number; body: unknown }
  | { kind: 'webhook'; event: string; action: string | undefined; payload: unknown; headers: Readonly<Record<string, string>> };

/**
 * Checks the sandbox against GitHub's published description. Tests plug in the OpenAPI-backed one
 * (`test/helpers/openapi-validator.ts`); it returns one message per violation, none when faithful.
 */
export type SandboxValidator = { check(subject: ValidationSubject): readonly string[] };

/** One recorded departure from GitHub's description; a test fails when any is recorded. */
export type Violation = { kind: ValidationSubject['kind']; where: string; messages: readonly string[] };

/** Runs the validator (when one is plugged in) and records what it reports. */
export function recordViolations(validator: SandboxValidator | undefined, sink: Violation[], subject: ValidationSubject): void {
  if (validator === undefined) return;
  const messages = validator.check(subject);
  if (messages.length === 0) return;
  sink.push({ kind: subject.kind, where: describeSubject(subject), messages });
}

function describeSubject(subject: ValidationSubject): string {
  if (subject.kind === 'webhook') return subject.action === undefined ? subject.event : `${subject.event}.${subject.action}`;
  if (subject.kind === 'response') return `${subject.operationId} → ${subject.status}`;
  return subject.operationId;
}
