import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The generated package's own vitest conformance suite runs too, against a reference server
    // started by the global setup.
    include: ['test/**/*.test.ts', 'generated/*/conformance/*.test.ts'],
    // TODO(server): enable when the server serves any spec (the reference server is ECS-only so far).
    exclude: ['**/node_modules/**', 'generated/vpc/conformance/**'],
    globalSetup: ['test/support/conformance-global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
