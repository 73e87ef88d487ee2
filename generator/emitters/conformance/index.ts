// Conformance emitter: the check library (templates/conformance), the spec's facts, an entry with
// the runner, the package's bin, and a vitest suite that runs every check as a test.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emitter, GeneratedFile } from '../contract.ts';
import { renderDataModule } from '../data-module.ts';
import { codeHeader } from '../header.ts';
import { withRuntimeImports } from '../naming.ts';
import { renderTs } from '../ts-file.ts';
import { mainStatements, suiteStatements } from './entry.ts';
import { factsStatements } from './facts.ts';

export const conformanceEmitter: Emitter = {
  name: 'conformance',
  async emit({ model, rootDir }) {
    const dir = join(rootDir, 'templates', 'conformance');
    const names = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.ts')).sort();
    const copies: GeneratedFile[] = await Promise.all(
      names.map(async (name) => ({
        path: `src/conformance/${name}`,
        content: `${codeHeader(model)}// Source: templates/conformance/${name}\n\n${withRuntimeImports(await readFile(join(dir, name), 'utf8'))}`,
      })),
    );
    return [
      ...copies,
      renderDataModule(model, 'src/conformance/facts.ts', factsStatements(model)),
      renderTs(model, 'src/conformance/main.ts', mainStatements(model)),
      renderTs(model, 'conformance/conformance.test.ts', suiteStatements(model)),
      {
        path: 'bin/conformance.js',
        content: `#!/usr/bin/env node\n${codeHeader(model)}import { main } from '../dist/conformance/main.js';\n\nprocess.exitCode = await main(process.argv.slice(2));\n`,
      },
    ];
  },
};
