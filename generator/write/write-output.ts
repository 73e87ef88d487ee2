// Write stage: puts a package's files on disk, or (check mode) only reports which ones are stale.
// The folder's manifest (manifest.ts) says which files the generator owns: only those are replaced or
// removed, a folder holding anything else is refused unless forced, and `.git` is never looked into.
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from '../emitters/contract.ts';
import { MANIFEST_FILE, manifestFile, readManifest } from './manifest.ts';

export interface WriteReport {
  /** Files whose bytes differ from what the spec yields, or that are missing (the manifest included). */
  readonly changed: readonly string[];
  /** Files the generator wrote before (they are in the manifest) that the spec no longer yields. */
  readonly extra: readonly string[];
  /** Files in the folder that the generator did not write; they are never removed. */
  readonly foreign: readonly string[];
  /** True when nothing was written because of foreign files (and no `force`). */
  readonly refused: boolean;
}

export interface WriteOptions {
  /** Write even though the folder holds foreign files (same-named ones are replaced, none removed). */
  readonly force: boolean;
}

export async function writeOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  mode: 'write' | 'check',
  options: WriteOptions = { force: false },
): Promise<WriteReport> {
  const all = [...files, manifestFile(files)];
  const owned = new Set(Object.keys((await readManifest(outDir))?.files ?? {}));
  const onDisk = new Set(await listFiles(outDir));
  const changed: string[] = [];
  const foreign: string[] = [];
  // Read side by side: hundreds of files, each a round trip through libuv's thread pool.
  const current = await Promise.all(
    all.map((file) => (onDisk.has(file.path) ? readFile(join(outDir, file.path), 'utf8') : undefined)),
  );
  for (const [i, file] of all.entries()) {
    onDisk.delete(file.path);
    if (current[i] === file.content) continue;
    changed.push(file.path);
    // A file the generator did not write is foreign unless it already holds exactly these bytes.
    if (current[i] !== undefined && !owned.has(file.path) && file.path !== MANIFEST_FILE)
      foreign.push(file.path);
  }
  const extra = [...onDisk].filter((path) => owned.has(path)).sort();
  foreign.push(...[...onDisk].filter((path) => !owned.has(path)));
  const report = { changed: changed.sort(), extra, foreign: foreign.sort() };
  const refused = report.foreign.length > 0 && !options.force;
  if (mode === 'check' || refused) return { ...report, refused };
  const byPath = new Map(all.map((f) => [f.path, f.content]));
  const folders = [...new Set(report.changed.map((path) => dirname(join(outDir, path))))].sort();
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await Promise.all(report.changed.map((path) => writeFile(join(outDir, path), byPath.get(path)!)));
  for (const path of extra) await removeOwned(outDir, path);
  return { ...report, refused };
}

/** Removes a file, then the folders it leaves empty, up to (not including) the output folder. */
async function removeOwned(outDir: string, path: string): Promise<void> {
  await rm(join(outDir, path), { force: true });
  for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
    try {
      await rmdir(join(outDir, dir));
    } catch {
      return; // not empty: it holds other files
    }
  }
}

/** Files under `dir`, POSIX paths; `.git` and `node_modules` are not looked into. */
async function listFiles(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const inner = await listFiles(join(dir, entry.name));
      found.push(...inner.map((p) => `${entry.name}/${p}`));
    } else if (entry.name !== '.git') {
      found.push(entry.name);
    }
  }
  return found;
}

/** What differs between files on disk (path → content) and the files a spec yields; sorted. Pure, so
 * the drift logic is testable on small inputs; `writeOutput` adds ownership (the manifest) on top. */
export function diffOutput(
  onDisk: ReadonlyMap<string, string>,
  files: readonly GeneratedFile[],
): { readonly changed: readonly string[]; readonly extra: readonly string[] } {
  const yielded = new Set(files.map((f) => f.path));
  const changed = files.filter((f) => onDisk.get(f.path) !== f.content).map((f) => f.path);
  const extra = [...onDisk.keys()].filter((path) => !yielded.has(path));
  return { changed: changed.sort(), extra: extra.sort() };
}
