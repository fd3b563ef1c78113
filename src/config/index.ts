export type { AppConfig } from './app-config.js';
export { ConfigError, deriveWebUrl, describeIssues, parseAppConfig, readAppConfigFromEnv } from './app-config.js';
export type { DatasetDeclaration, RepoConfig } from './repo-config.js';
export { defaultRepoConfig, parseRepoConfig, parseRepoConfigText, repoConfigPath } from './repo-config.js';
export { readChildProcessEnv } from './child-env.js';
