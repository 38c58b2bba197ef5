import { defineConfig } from 'vitest/config';

// Test files share one module graph per worker (isolate: false): each file opens its own database, and no
// test leaves module state changed (fake timers are restored after each test). Loading modules once per
// worker instead of once per file: API tests 107 s → 54 s, domain 12 s → 2 s on 2 cores.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], isolate: false } });
