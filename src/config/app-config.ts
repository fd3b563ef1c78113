import { z } from 'zod';

const digits = z.string().regex(/^\d+$/, 'must be the numeric GitHub App id');
// Platforms that cannot hold newlines in variables pass the key with literal "\n".
const pem = z
  .string()
  .transform((value) => value.replace(/\\n/g, '\n'))
  .refine((value) => /-----BEGIN (RSA )?PRIVATE KEY-----/.test(value), 'must be the App private key in PEM form');
const url = (what: string) => z.string().url(`must be ${what}`);

const envSchema = z
  .object({
    APP_ID: digits,
    PRIVATE_KEY: pem,
    WEBHOOK_SECRET: z.string().min(1, 'must not be empty'),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string').optional(),
    DATA_DIR: z.string().min(1).default('.downstream'),
    CATALOG: z.string().min(1, 'must be a Backstage base URL or a directory of catalog YAML').default('catalog'),
    BACKSTAGE_TOKEN: z.string().min(1).optional(),
    GITHUB_API_URL: url('the REST API base URL, e.g. https://api.github.com').default('https://api.github.com'),
    LLM_BASE_URL: url('an OpenAI-compatible base URL').optional(),
    LLM_API_KEY: z.string().min(1).optional(),
    LLM_MODEL: z.string().min(1).optional(),
    LLM_TOKENS_PER_CONSUMER: z.coerce.number('must be a number of tokens').int().min(1_000, 'must be at least 1000 tokens').optional(),
    LLM_TOKENS_PER_MIGRATION: z.coerce.number('must be a number of tokens').int().min(1_000, 'must be at least 1000 tokens').optional(),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number('must be a port number').int().min(0).max(65_535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, context) => {
    const llm = [env.LLM_BASE_URL, env.LLM_MODEL];
    if (llm.some((value) => value !== undefined) && llm.some((value) => value === undefined)) {
      context.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'LLM_BASE_URL and LLM_MODEL go together (LLM_API_KEY too, unless the endpoint needs none)' });
    }
  });

/** The app's settings, from the environment only (DESIGN §4). */
export type AppConfig = {
  appId: string;
  privateKey: string;
  webhookSecret: string;
  databaseUrl?: string;
  dataDir: string;
  catalog: string;
  backstageToken?: string;
  githubApiUrl: string;
  /** Where people browse GitHub, derived from the API URL (`https://github.com`, or the GHE host). */
  githubWebUrl: string;
  llm?: { baseUrl: string; apiKey?: string; model: string; tokensPerConsumer?: number; tokensPerMigration?: number };
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
};

/** Raised with one line per missing or malformed variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'invalid-config';
  readonly problems: string[];

  constructor(source: string, problems: string[]) {
    super(`${source}: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

/** Describes zod issues as `NAME: message`, the way a person fixing their environment reads them. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = issue.path.map(String).join('.') || '(root)';
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return `${where}: ${missing ? 'is required' : issue.message}`;
  });
}

/** `https://api.github.com` → `https://github.com`; a GHE `https://host/api/v3` → `https://host`. */
export function deriveWebUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  return `${url.origin}${url.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/$/, '')}`;
}

/** Validates an environment (process.env, or a test's object) into the app's settings. */
export function parseAppConfig(env: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(cleaned, { reportInput: true });
  if (!result.success) throw new ConfigError('environment', describeIssues(result.error.issues));
  const value = result.data;
  const config: AppConfig = {
    appId: value.APP_ID,
    privateKey: value.PRIVATE_KEY,
    webhookSecret: value.WEBHOOK_SECRET,
    dataDir: value.DATA_DIR,
    catalog: value.CATALOG,
    githubApiUrl: value.GITHUB_API_URL.replace(/\/$/, ''),
    githubWebUrl: deriveWebUrl(value.GITHUB_API_URL),
    host: value.HOST,
    port: value.PORT,
    logLevel: value.LOG_LEVEL,
  };
  if (value.DATABASE_URL !== undefined) config.databaseUrl = value.DATABASE_URL;
  if (value.BACKSTAGE_TOKEN !== undefined) config.backstageToken = value.BACKSTAGE_TOKEN;
  if (value.LLM_BASE_URL !== undefined && value.LLM_MODEL !== undefined) {
    config.llm = {
      baseUrl: value.LLM_BASE_URL,
      model: value.LLM_MODEL,
      ...(value.LLM_API_KEY === undefined ? {} : { apiKey: value.LLM_API_KEY }),
      ...(value.LLM_TOKENS_PER_CONSUMER === undefined ? {} : { tokensPerConsumer: value.LLM_TOKENS_PER_CONSUMER }),
      ...(value.LLM_TOKENS_PER_MIGRATION === undefined ? {} : { tokensPerMigration: value.LLM_TOKENS_PER_MIGRATION }),
    };
  }
  return config;
}

/** The app's settings from this process's environment: the one place that reads process.env. */
export function readAppConfigFromEnv(): AppConfig {
  return parseAppConfig(process.env);
}
