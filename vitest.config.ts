import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // Two files at a time, even on two cores: much of a test's time is spent waiting for
    // Chromium and Java, which run in processes of their own.
    maxWorkers: 2,
    // A worker keeps the modules it has loaded from one test file to the next, instead of
    // loading the pipeline again for each file. Tests share no state through modules: each
    // makes its own folders, browser sessions and servers, and closes them.
    isolate: false,
    testTimeout: 120_000,
    // Set-ups launch Chromium and build issues: on a busy machine that takes more than the default 10 s.
    hookTimeout: 120_000,
  },
});
