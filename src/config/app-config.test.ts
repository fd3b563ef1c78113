import { describe, expect, it } from 'vitest';
import { ConfigError, parseAppConfig } from './app-config.js';
import { parseRepoConfigText } from './repo-config.js';

const key = '-----BEGIN RSA PRIVATE KEY-----\\nabc\\n-----END RSA PRIVATE KEY-----';
const minimal = { APP_ID: '42', PRIVATE_KEY: key, WEBHOOK_SECRET: 's3cret' };

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseAppConfig', () => {
  it('applies the embedded defaults: PGlite, a catalog directory, codemods only', () => {
    const config = parseAppConfig(minimal);
    expect(config).toMatchObject({ appId: '42', dataDir: '.downstream', catalog: 'catalog', githubApiUrl: 'https://api.github.com', port: 3000 });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.llm).toBeUndefined();
    expect(config.privateKey).toContain('\nabc\n');
  });

  it('names every missing or malformed variable at once', () => {
    expect(problemsOf(() => parseAppConfig({ APP_ID: 'my-app', DATABASE_URL: 'mysql://x', PORT: 'eighty' }))).toEqual([
      'APP_ID: must be the numeric GitHub App id',
      'PRIVATE_KEY: is required',
      'WEBHOOK_SECRET: is required',
      'DATABASE_URL: must be a postgres:// connection string',
      'PORT: must be a port number',
    ]);
  });

  it('requires the LLM settings together', () => {
    expect(problemsOf(() => parseAppConfig({ ...minimal, LLM_BASE_URL: 'http://127.0.0.1:8080/v1' }))).toEqual([
      expect.stringMatching(/^LLM_MODEL: LLM_BASE_URL and LLM_MODEL go together/),
    ]);
    expect(parseAppConfig({ ...minimal, LLM_BASE_URL: 'http://127.0.0.1:8080/v1', LLM_MODEL: 'm' }).llm).toEqual({ baseUrl: 'http://127.0.0.1:8080/v1', model: 'm' });
  });

  it('reads the LLM token budgets, and names a malformed one', () => {
    const llm = { LLM_BASE_URL: 'http://127.0.0.1:8080/v1', LLM_MODEL: 'm' };
    expect(parseAppConfig({ ...minimal, ...llm, LLM_TOKENS_PER_CONSUMER: '20000', LLM_TOKENS_PER_MIGRATION: '500000' }).llm).toMatchObject({ tokensPerConsumer: 20_000, tokensPerMigration: 500_000 });
    expect(problemsOf(() => parseAppConfig({ ...minimal, ...llm, LLM_TOKENS_PER_CONSUMER: 'lots' }))).toEqual(['LLM_TOKENS_PER_CONSUMER: must be a number of tokens']);
  });
});

describe('parseRepoConfigText', () => {
  it('reads a producer declaration and consumer settings with defaults', () => {
    const config = parseRepoConfigText('datasets:\n  - name: user-profile\n    schema: schemas/user.avsc\npaths: src/db/**\n', '.github/downstream.yml');
    expect(config.datasets).toEqual([{ name: 'user-profile', schema: 'schemas/user.avsc', confirmRenames: {} }]);
    expect(config).toMatchObject({ enabled: true, paths: ['src/db/**'], labels: [], notices: true });
    expect(config.automerge).toBeUndefined();
  });

  it.each([
    ['datasets:\n  - name: x\n', '.github/downstream.yml: datasets.0.schema: is required'],
    ['enabled: maybe\n', '.github/downstream.yml: enabled: Invalid input: expected boolean, received string'],
    ['datasets: [\n', '.github/downstream.yml:2: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ])('refuses %j with one line naming the problem', (text, message) => {
    expect(() => parseRepoConfigText(text, '.github/downstream.yml')).toThrow(message);
  });
});
