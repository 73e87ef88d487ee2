// Runtime emitter: the hand-written, unit-tested support code under templates/runtime, copied into the
// package so it depends on nothing from this repository.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emitter } from '../contract.ts';
import { codeHeader } from '../header.ts';

export const runtimeEmitter: Emitter = {
  name: 'runtime',
  async emit({ model, rootDir }) {
    const dir = join(rootDir, 'templates', 'runtime');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.ts')).sort();
    return Promise.all(
      names.map(async (name) => ({
        path: `src/runtime/${name}`,
        content: `${codeHeader(model)}// Source: templates/runtime/${name}\n\n${await readFile(join(dir, name), 'utf8')}`,
      })),
    );
  },
};
