import { describe, expect, it } from 'vitest';
import type { CiFailure } from './find-ci-failure-sites.js';
import { findCiFailureSites, renderCiFailureOutput } from './find-ci-failure-sites.js';

const failure = (text: string, annotations: CiFailure['annotations'] = []): CiFailure => ({ name: 'sandbox-ci', conclusion: 'failure', title: 'sandbox-ci failure', summary: 'failed with exit code 2', text, annotations });
const known = ['src/reports/weekly-report.ts', 'src/reports/user-schema.ts', 'README.md'];

describe('findCiFailureSites', () => {
  it.each([
    ['tsc output', "src/reports/weekly-report.ts(18,27): error TS2339: Property 'legacy_score' does not exist on type", [['src/reports/weekly-report.ts', 18]]],
    ['tsc pretty output', 'src/reports/user-schema.ts:7:3 - error TS1005', [['src/reports/user-schema.ts', 7]]],
    ['absolute paths of the CI checkout', '/tmp/sandbox-ci-Ab1/checkout/src/reports/weekly-report.ts:6:10: SQL error', [['src/reports/weekly-report.ts', 6]]],
    ['files that are not in the checkout', 'node_modules/zod/index.d.ts:3:1 - error', []],
  ])('reads sites from %s', (_what, text, sites) => {
    expect(findCiFailureSites([failure(text)], known).map((site) => [site.path, site.line])).toEqual(sites);
  });

  it('takes annotations first and lists each line once', () => {
    const sites = findCiFailureSites([failure('src/reports/weekly-report.ts:18:1 - error again', [{ path: 'src/reports/weekly-report.ts', line: 18, message: 'no legacy_score' }])], known);
    expect(sites).toEqual([{ path: 'src/reports/weekly-report.ts', line: 18, reason: 'CI (sandbox-ci: no legacy_score)' }]);
  });

  it('keeps the tail of long output, where the error is', () => {
    const rendered = renderCiFailureOutput(failure(`${'noise\n'.repeat(2_000)}the real error`), 100);
    expect(rendered).toHaveLength(101);
    expect(rendered.endsWith('the real error')).toBe(true);
  });
});
