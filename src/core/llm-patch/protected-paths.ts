// What an LLM edit may never touch, by path: CI and repository automation, lockfiles, dependency
// manifests, compiler and lint settings (a weaker tsconfig would "fix" any type error), secrets.
const rules: readonly { test: RegExp; reason: string }[] = [
  { test: /^\.github\//, reason: 'CI workflows and repository settings (.github/) are never edited' },
  { test: /^(\.gitlab-ci\.ya?ml|\.gitlab\/.*|\.circleci\/.*|\.buildkite\/.*|\.travis\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|\.drone\.ya?ml|\.woodpecker\.ya?ml|\.sandbox-ci|\.pre-commit-config\.ya?ml|\.husky\/.*)$/, reason: 'CI configuration is never edited' },
  { test: /(^|\/)Jenkinsfile$/, reason: 'CI configuration is never edited' },
  {
    test: /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|Cargo\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|Gemfile\.lock|composer\.lock|go\.sum|mix\.lock|packages\.lock\.json|gradle\.lockfile|flake\.lock)$/,
    reason: 'lockfiles are never edited',
  },
  {
    test: /(^|\/)(package\.json|pnpm-workspace\.ya?ml|\.npmrc|\.yarnrc(\.yml)?|requirements[^/]*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile|Cargo\.toml|go\.mod|Gemfile|[^/]+\.gemspec|pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|composer\.json|[^/]+\.csproj|Directory\.Packages\.props|packages\.yml|dependencies\.yml)$/,
    reason: 'dependency manifests are never edited',
  },
  {
    test: /(^|\/)(tsconfig[^/]*\.json|jsconfig\.json|\.eslintrc[^/]*|eslint\.config\.[cm]?[jt]s|\.prettierrc[^/]*|prettier\.config\.[cm]?[jt]s|biome\.jsonc?|(vitest|vite|jest|babel|webpack|rollup)\.config\.[cm]?[jt]s|\.babelrc|\.swcrc|mypy\.ini|\.flake8|ruff\.toml|\.editorconfig)$/,
    reason: 'compiler, test-runner and lint settings are never edited',
  },
  { test: /(^|\/)\.env(\.[^/]*)?$/, reason: 'environment files are never edited' },
  { test: /(^|\/)\.git(\/|$)|(^|\/)\.gitmodules$|(^|\/)\.gitattributes$/, reason: 'git metadata is never edited' },
];

/** Why an LLM may not edit this path, or undefined when it may. */
export function findProtectedPathReason(path: string): string | undefined {
  return rules.find((rule) => rule.test.test(path))?.reason;
}
