import { z } from 'zod';

const role = z.enum(['read', 'triage', 'write', 'maintain', 'admin']);

/** What a seeded repository can declare besides its files (`<owner>/<repo>.sandbox.json`). */
export const seedConfigSchema = z
  .object({
    description: z.string().optional(),
    defaultBranch: z.string().min(1).optional(),
    topics: z.array(z.string()).optional(),
    private: z.boolean().optional(),
    /** login → role (GitHub's role names). */
    collaborators: z.record(z.string(), role).optional(),
    labels: z.array(z.object({ name: z.string().min(1), color: z.string().optional(), description: z.string().optional() })).optional(),
    /** false: the app's installation does not include this repository. */
    installed: z.boolean().optional(),
    /** false: consumer CI never runs for this repository. */
    ci: z.boolean().optional(),
  })
  .strict();

export type SeedConfig = z.infer<typeof seedConfigSchema>;

/** A repository to create: files from a folder (`dir`) and/or inline (`files`), plus its settings. */
export type SeedRepo = SeedConfig & { owner: string; name: string; dir?: string; files?: Readonly<Record<string, string>> };

/** A seed that cannot be used: the message names the file or repository and what was wrong. */
export class SandboxSeedError extends Error {
  readonly code = 'SANDBOX_SEED_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'SandboxSeedError';
  }
}
