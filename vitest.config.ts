import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'transforms/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'fixtures/**'],
    // End-to-end suites start servers and git processes; give them room without hiding hangs.
    testTimeout: 60_000,
    // Most of the wall time is end-to-end suites waiting on git, HTTP and CI child processes, not
    // on the CPU: three files at a time keep two cores busy.
    maxWorkers: 3,
    hookTimeout: 120_000,
  },
});
