import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one on CI's 2-core machine, which ran the API's files one
    // after another while much of their time is spent waiting on child processes and timers. Each file has its own
    // database, so files may run side by side.
    maxWorkers: Math.max(2, availableParallelism()),
    // Files share one module graph per worker: each file opens its own database and deps, and no test leaves
    // module state changed (fake timers are restored after each test). Loading the app once per worker instead
    // of once per file took these tests from 107 s to 54 s on 2 cores.
    isolate: false,
  },
});
