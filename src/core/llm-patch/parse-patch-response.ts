import { z } from 'zod';

const proposedEditSchema = z.strictObject({
  file: z.string().min(1).max(500),
  original: z.string().min(1).max(8_000),
  replacement: z.string().max(8_000),
  change: z.string().min(1).max(300),
  reason: z.string().min(1).max(2_000),
});

const handOffSchema = z.strictObject({
  file: z.string().min(1).max(500),
  line: z.number().int().positive(),
  diagnosis: z.string().min(1).max(2_000),
});

const patchResponseSchema = z.strictObject({
  edits: z.array(proposedEditSchema).max(40),
  handOff: z.array(handOffSchema).max(200).optional(),
});

/** One edit as the model proposes it: replace the exact `original` snippet of `file` with `replacement`. */
export type ProposedEdit = z.infer<typeof proposedEditSchema>;
/** A site the model gives back to a person, with its diagnosis. */
export type HandOff = z.infer<typeof handOffSchema>;
/** A reply that passed validation. */
export type PatchResponse = { edits: ProposedEdit[]; handOff: HandOff[] };

export type ParsedReply<T> = { kind: 'ok'; value: T } | { kind: 'rejected'; reason: string };

function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Parses a reply that must be exactly one JSON object (whitespace around it aside) matching `schema`. */
export function parseJsonReply<T>(text: string, schema: z.ZodType<T>): ParsedReply<T> {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return { kind: 'rejected', reason: 'the reply was not a single JSON object (no prose, no code fence)' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { kind: 'rejected', reason: `the reply was not valid JSON (${error instanceof SyntaxError ? error.message : 'unparsable'})` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { kind: 'rejected', reason: `the reply did not match the expected shape: ${describeZodIssues(parsed.error)}` };
  return { kind: 'ok', value: parsed.data };
}

/** Validates a patch reply with zod; anything else, or an edit that changes nothing, is rejected with a reason. */
export function parsePatchResponse(text: string): ParsedReply<PatchResponse> {
  const parsed = parseJsonReply(text, patchResponseSchema);
  if (parsed.kind === 'rejected') return parsed;
  const noOp = parsed.value.edits.findIndex((edit) => edit.original === edit.replacement);
  if (noOp >= 0) return { kind: 'rejected', reason: `edits.${noOp}: replacement equals original, so the edit changes nothing` };
  return { kind: 'ok', value: { edits: parsed.value.edits, handOff: parsed.value.handOff ?? [] } };
}

const judgeSchema = z.strictObject({ verdict: z.enum(['accept', 'veto']), reason: z.string().min(1).max(2_000) });

/** The judge's verdict on a patch. */
export type JudgeVerdict = z.infer<typeof judgeSchema>;

/** Validates a judge reply; a reply that is not a verdict is rejected (the caller treats that as a veto). */
export function parseJudgeResponse(text: string): ParsedReply<JudgeVerdict> {
  return parseJsonReply(text, judgeSchema);
}
