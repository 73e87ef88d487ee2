// Write stage: puts a package's files on disk, or (check mode) only reports which ones are stale.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { GeneratedFile } from '../emitters/contract.ts';

export interface WriteReport {
  /** Files whose bytes differ from what the spec yields, or that are missing. */
  readonly changed: readonly string[];
  /** Files on disk the spec no longer yields. */
  readonly extra: readonly string[];
}

export async function writeOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  mode: 'write' | 'check',
): Promise<WriteReport> {
  const existing = new Set(await listFiles(outDir));
  const changed: string[] = [];
  for (const file of files) {
    const current = existing.has(file.path) ? await readFile(join(outDir, file.path), 'utf8') : undefined;
    existing.delete(file.path);
    if (current === file.content) continue;
    changed.push(file.path);
    if (mode === 'write') {
      await mkdir(dirname(join(outDir, file.path)), { recursive: true });
      await writeFile(join(outDir, file.path), file.content);
    }
  }
  const extra = [...existing].sort();
  if (mode === 'write') await Promise.all(extra.map((path) => rm(join(outDir, path))));
  return { changed: changed.sort(), extra };
}

async function listFiles(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && !relative(dir, e.parentPath).split(sep).includes('node_modules'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}
