import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) } },
  test: { include: ['test/**/*.test.ts'], setupFiles: ['test/support/setup.ts'], environment: 'node', testTimeout: 30000 },
});
