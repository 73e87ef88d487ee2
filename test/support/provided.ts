// What vitest.config.ts gives each project's tests through `provide` (read with `inject`).

/** The runtime platform a project's resolve conditions choose for `#platform`. */
export type ProvidedPlatform = 'node' | 'web';

declare module 'vitest' {
  interface ProvidedContext {
    platform: ProvidedPlatform;
  }
}
