import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '../..');

// The heavier tests that try to break the ledger through real production servers (BREAK_DIST_DIR, default .next)
// on fresh database files. One file at a time: each starts its own servers, and the machine has two cores.
export default defineConfig({
  root,
  resolve: {
    alias: {
      '@': root,
      'server-only': path.resolve(root, 'lib/testing/empty.ts'),
    },
  },
  test: {
    include: ['tests/break/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
