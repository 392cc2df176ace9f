import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    // Set-ups launch Chromium and build issues: on a busy machine that takes more than the default 10 s.
    hookTimeout: 120_000,
  },
});
