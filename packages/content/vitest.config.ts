import { defineConfig } from 'vitest/config';

// Files share one module graph per worker (see apps/api/vitest.config.ts): no test leaves module state changed.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], isolate: false } });
