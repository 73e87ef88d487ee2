// fast-check is an optional peer dependency of a generated package: a run that needs it and cannot
// load it is told what to install, and a broken install is not mistaken for a missing one.
import { describe, expect, it } from 'vitest';
import { ensureFastCheck, MissingDependencyError } from '../../../templates/conformance/optional.ts';

function failing(code: string, message: string): () => Promise<never> {
  return () => Promise.reject(Object.assign(new Error(message), { code }));
}

describe('ensureFastCheck', () => {
  it('resolves when fast-check loads (it does here: the toolkit depends on it)', async () => {
    await expect(ensureFastCheck()).resolves.toBeUndefined();
  });

  it.each([
    ['an ES module import', 'ERR_MODULE_NOT_FOUND', "Cannot find package 'fast-check' imported from /p/x.js"],
    ['a require', 'MODULE_NOT_FOUND', "Cannot find module 'fast-check'"],
  ])('says what to install when %s cannot find it', async (_name, code, message) => {
    const error = await ensureFastCheck(failing(code, message)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingDependencyError);
    expect((error as MissingDependencyError).dependency).toBe('fast-check');
    expect((error as Error).message).toBe(
      'The fuzz checks (fuzz.*) need fast-check, an optional peer dependency of this package, which is ' +
        'not installed. Install it beside the package (npm install --save-dev fast-check; the versions ' +
        "it takes are in the package's peerDependencies), or leave those checks out with --only.",
    );
  });

  it.each([
    [
      'a dependency of fast-check missing',
      'ERR_MODULE_NOT_FOUND',
      "Cannot find package 'pure-rand' imported from /p/node_modules/fast-check/lib/esm/fast-check.js",
    ],
    ['a broken install', 'ERR_INVALID_PACKAGE_CONFIG', 'Invalid package config fast-check/package.json'],
  ])('passes %s through as it is', async (_name, code, message) => {
    const error = await ensureFastCheck(failing(code, message)).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(MissingDependencyError);
    expect((error as Error).message).toBe(message);
  });
});
