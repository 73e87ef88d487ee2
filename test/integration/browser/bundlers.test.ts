// A browser program that imports a generated package bundles cleanly with the bundlers users run:
// esbuild, webpack 5 and vite, each with no error, no warning, and no Node built-in left in what it
// wrote (a browser has none to give). Three programs: only the error class, the bare client with one
// command, the client with a method per action.
import { builtinModules } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserBundle,
  bundleWithEsbuild,
  bundleWithVite,
  bundleWithWebpack,
} from '../../support/browser-bundlers.ts';
import { browserProduct } from '../../support/browser-product.ts';
import { bundlePrograms, nodeBuiltinsIn, writePrograms } from '../../support/browser-programs.ts';

const BUNDLERS = {
  esbuild: bundleWithEsbuild,
  webpack: bundleWithWebpack,
  vite: bundleWithVite,
} as const;

describe.each(Object.keys(BUNDLERS) as (keyof typeof BUNDLERS)[])(
  'bundled for the browser by %s',
  (bundler) => {
    let programs: Record<string, string>;
    let bundle: BrowserBundle;
    // One build for the three programs: bundlers are slow to start, not to add an entry.
    beforeAll(async () => {
      programs = writePrograms(`browser-programs-${bundler}`, bundlePrograms(await browserProduct()));
      bundle = await BUNDLERS[bundler](programs);
    }, 120_000);

    it('reports no error and no warning', () => {
      expect(bundle.errors).toEqual([]);
      expect(bundle.warnings).toEqual([]);
    });

    it('writes every program, with no Node built-in imported or required', () => {
      const names = [...bundle.files.keys()];
      for (const program of Object.keys(programs)) expect(names).toContain(`${program}.js`);
      const builtins = [...bundle.files].flatMap(([file, code]) =>
        nodeBuiltinsIn(code, builtinModules).map((b) => `${file}: ${b}`),
      );
      expect(builtins).toEqual([]);
    });
  },
);
