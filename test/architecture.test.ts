import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

async function listTypeScript(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('layering (DESIGN §2)', () => {
  it('no import crosses the layers the wrong way', async () => {
    const config = require(path.join(root, '.dependency-cruiser.cjs')) as { forbidden: unknown[]; options: Record<string, unknown> };
    const previous = process.cwd();
    process.chdir(root);
    try {
      const { output } = await cruise(['src', 'transforms'], {
        ...config.options,
        ruleSet: { forbidden: config.forbidden } as never,
        validate: true,
      });
      const summary = typeof output === 'string' ? JSON.parse(output) : output;
      const violations = (summary.summary.violations as Array<{ from: string; to: string; rule: { name: string } }>).map(
        (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
      );
      expect(violations).toEqual([]);
    } finally {
      process.chdir(previous);
    }
  });

  it('src/core reads no environment and no clock', async () => {
    const offenders: string[] = [];
    for (const file of await listTypeScript(path.join(root, 'src/core'))) {
      const text = await readFile(file, 'utf8');
      for (const [pattern, what] of [
        [/\bprocess\.env\b/, 'process.env'],
        [/\bDate\.now\(/, 'Date.now()'],
        [/\bnew Date\(\s*\)/, 'new Date()'],
        [/\bMath\.random\(/, 'Math.random()'],
      ] as const) {
        if (pattern.test(text)) offenders.push(`${path.relative(root, file)} uses ${what}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
