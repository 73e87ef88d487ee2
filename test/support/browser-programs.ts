// Small programs that use a generated product package the way a browser user does: imported by its
// package name, resolved through the workspace in node_modules. Written under tmp/ at the repository
// root so that resolution is the user's.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserProduct } from './browser-product.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A client's configuration as a program writes it: a region and the reference server's test keys. */
const CONFIG = `{ region: 'test-region', credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' } }`;

/** Three programs: only the error class, the bare client with one command, the full client. */
export function bundlePrograms(p: BrowserProduct): Record<string, string> {
  const input = JSON.stringify(p.input);
  return {
    'errors-only': `import { AcsError } from '${p.packageName}';
export function isAcsError(e) { return e instanceof AcsError; }
`,
    'bare-client-one-command': `import { ${p.bareClient}, ${p.command} } from '${p.packageName}';
const client = new ${p.bareClient}(${CONFIG});
export function call() { return client.send(new ${p.command}(${input})); }
`,
    'full-client': `import { ${p.fullClient}, ${p.command} } from '${p.packageName}';
const client = new ${p.fullClient}(${CONFIG});
export function call() { return client.send(new ${p.command}(${input})); }
`,
  };
}

/** The page's program: `globalThis.callOnce(endpoint)` makes one signed call with the server's test
 * keys and resolves to the result, or to the error's name, code and retryability. */
export function pageProgram(p: BrowserProduct): string {
  return `import { AcsError, ${p.bareClient}, ${p.command} } from '${p.packageName}';
globalThis.callOnce = async (endpoint) => {
  const client = new ${p.bareClient}({
    endpoint,
    credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    retry: { maxAttempts: 3, baseDelayMs: 1 },
  });
  try {
    return { result: await client.send(new ${p.command}(${JSON.stringify(p.input)})) };
  } catch (e) {
    if (!(e instanceof AcsError)) return { thrown: String(e) };
    return { error: { name: e.name, code: e.code, retryable: e.retryable, message: e.message } };
  }
};
`;
}

/** Writes the programs into a fresh folder under tmp/ and returns their paths by name. */
export function writePrograms(folder: string, programs: Record<string, string>): Record<string, string> {
  const dir = join(ROOT, 'tmp', folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return Object.fromEntries(
    Object.entries(programs).map(([name, source]) => {
      const path = join(dir, `${name}.js`);
      writeFileSync(path, source);
      return [name, path];
    }),
  );
}

/** Node built-ins a bundle still imports or requires (`node:fs`, `fs`, …), or the stubs vite puts in
 * their place (`__vite-browser-external`). */
export function nodeBuiltinsIn(code: string, builtins: readonly string[]): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/\b(?:import|require|from)\s*\(?\s*["'`]([^"'`]+)["'`]/g)) {
    const specifier = m[1]!;
    if (
      specifier.startsWith('node:') ||
      builtins.includes(specifier) ||
      specifier.includes('__vite-browser-external')
    )
      found.add(specifier);
  }
  return [...found].sort();
}
