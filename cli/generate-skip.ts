// `acs-rpc generate` leaves a package alone when nothing it is made from changed since it wrote it:
// the same inputs key (inputs-key.ts) as its last write, and every file the package's manifest and its
// runtime's list still holding the bytes written. Anything else (an edited or missing file, another
// spec, another toolkit) regenerates. The record of each write is kept in the toolkit's cache folder.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest } from '../generator/write/manifest.ts';

/** One write of one spec to one `--out`: its inputs key, the folders written (package, runtime) and
 * the links made (the package's link to the runtime). */
export interface WriteRecord {
  readonly key: string;
  readonly dirs: readonly string[];
  readonly links: readonly string[];
  /** The spec's warnings as printed, printed again when the write is skipped. */
  readonly diagnostics: readonly string[];
}

/** Where the record of `spec` written to `out` is kept. */
export function recordFile(kit: string, spec: string, out: string): string {
  const id = createHash('sha256').update(`${spec}\0${out}`).digest('hex').slice(0, 16);
  return join(kit, 'node_modules', '.cache', 'acs-rpc', 'generate', `${id}.json`);
}

/** The folders of the last write when `key` is still its key and they hold what was written. */
export async function unchangedSince(file: string, key: string): Promise<WriteRecord | undefined> {
  const record = await readRecord(file);
  if (record?.key !== key) return undefined;
  for (const dir of record.dirs) if (!(await intact(dir))) return undefined;
  for (const link of record.links)
    if (
      !(await lstat(link).then(
        () => true,
        () => false,
      ))
    )
      return undefined;
  return record;
}

/** Records a write; a cache folder that cannot be written only means the next run generates again. */
export async function remember(file: string, record: WriteRecord): Promise<void> {
  // Written aside and renamed, so a concurrent run never reads half a record.
  const partial = `${file}.${process.pid}.partial`;
  await mkdir(join(file, '..'), { recursive: true })
    .then(() => writeFile(partial, `${JSON.stringify(record)}\n`))
    .then(() => rename(partial, file))
    .catch(() => undefined);
}

/** Forgets the last write (before writing again, so a write that fails half-way is never trusted). */
export async function forget(file: string): Promise<void> {
  await writeFile(file, '{}\n').catch(() => undefined);
}

async function readRecord(file: string): Promise<WriteRecord | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<WriteRecord>;
    const { key, dirs, links, diagnostics } = value;
    if (typeof key !== 'string' || !strings(dirs) || !strings(links) || !strings(diagnostics))
      return undefined;
    return { key, dirs, links, diagnostics };
  } catch {
    return undefined;
  }
}

function strings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Every file the folder's manifest lists has the bytes it lists. */
async function intact(dir: string): Promise<boolean> {
  const manifest = await readManifest(dir).catch(() => undefined);
  if (manifest === undefined) return false;
  for (const [path, sha] of Object.entries(manifest.files)) {
    const full = join(dir, path);
    if (!existsSync(full)) return false;
    const bytes = await readFile(full);
    if (createHash('sha256').update(bytes).digest('hex') !== sha) return false;
  }
  return true;
}
