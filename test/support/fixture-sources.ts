// A fixture spec's package sources, emitted into a fresh folder under tmp/ (ignored by git) and
// imported as TypeScript: the conformance facts and the client exactly as the generator emits them,
// without the compile step a full `generate` runs.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { emitters } from '../../generator/emitters/index.ts';
import { modelSpec } from '../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Emits the spec's `src/` and returns the folder holding it. */
export async function emitFixturePackage(spec: string): Promise<string> {
  const { model, diagnostics } = await modelSpec(ROOT, spec);
  if (model === undefined) throw new Error(`${spec}: ${JSON.stringify(diagnostics)}`);
  await mkdir(join(ROOT, 'tmp'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'tmp', `${model.packageName}-`));
  for (const emitter of emitters) {
    for (const file of await emitter.emit({ model, rootDir: ROOT })) {
      // The sources, and beside them the JavaScript the emitters write straight to dist/ (the
      // validators' schemas), which the sources import.
      const path =
        file.path.startsWith('dist/') && file.path.endsWith('.js') ? `src/${file.path.slice(5)}` : file.path;
      if (!path.startsWith('src/')) continue;
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), file.content);
    }
  }
  return join(dir, 'src');
}
