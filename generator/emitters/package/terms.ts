// What every generated package states to whoever installs it: its license and the Node versions it
// runs on. The runtime package and each product package say the same.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedFile } from '../contract.ts';

/** The toolkit's own license text, shipped as the package's LICENSE. A generated package carries the
 * toolkit's code verbatim (the runtime, the conformance library), which is Apache-2.0, and its
 * package.json says `"license": "Apache-2.0"`; the code made from the spec is offered under the same
 * terms, so one license covers the whole package. */
export async function licenseFile(kitDir: string): Promise<GeneratedFile> {
  // LF endings, as every generated file has, whatever endings the toolkit's copy has on disk.
  const text = await readFile(join(kitDir, 'LICENSE'), 'utf8');
  return { path: 'LICENSE', content: text.replaceAll('\r\n', '\n') };
}

/** The packages are ES modules only. `import` works on any Node 20; `require()` of an ES module works
 * without a flag from Node 20.19 and 22.12 on (not in 21, nor 22 before 22.12), so these are the
 * versions on which both ways of loading a package work, and the range its `engines` states. */
export const NODE_ENGINES = '^20.19.0 || >=22.12.0';
