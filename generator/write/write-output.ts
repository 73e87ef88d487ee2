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
  const onDisk = new Map<string, string>();
  for (const path of await listFiles(outDir)) onDisk.set(path, await readFile(join(outDir, path), 'utf8'));
  const report = diffOutput(onDisk, files);
  if (mode === 'write') {
    const byPath = new Map(files.map((f) => [f.path, f.content]));
    for (const path of report.changed) {
      await mkdir(dirname(join(outDir, path)), { recursive: true });
      await writeFile(join(outDir, path), byPath.get(path)!);
    }
    await Promise.all(report.extra.map((path) => rm(join(outDir, path))));
  }
  return report;
}

/** What differs between the files on disk (path → content) and the files a spec yields; sorted. */
export function diffOutput(
  onDisk: ReadonlyMap<string, string>,
  files: readonly GeneratedFile[],
): WriteReport {
  const yielded = new Set(files.map((f) => f.path));
  const changed = files.filter((f) => onDisk.get(f.path) !== f.content).map((f) => f.path);
  const extra = [...onDisk.keys()].filter((path) => !yielded.has(path));
  return { changed: changed.sort(), extra: extra.sort() };
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
