// `acs-rpc generate` leaves a package alone when nothing it is made from changed since it wrote it:
// the same inputs key (inputs-key.ts) as its last write, each folder's manifest the one it wrote, and
// every file the manifests list still holding the bytes written. Anything else (an edited or missing
// file, files put back from an older version, another spec, another toolkit) regenerates. The record
// of each write is kept in the toolkit's cache folder.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, parseManifest } from '../generator/write/manifest.ts';

/** One write of one spec to one `--out`: its inputs key, the folders written (package, runtime) and
 * the links made (the package's link to the runtime). */
export interface WriteRecord {
  readonly key: string;
  /** Each folder written, with the sha256 of the manifest written there. */
  readonly dirs: readonly { readonly dir: string; readonly manifest: string }[];
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
  for (const { dir, manifest } of record.dirs) if (!(await intact(dir, manifest))) return undefined;
  for (const link of record.links) if (!(await exists(link))) return undefined;
  return record;
}

/** Records a write of `dirs`; a cache folder that cannot be written only means the next run generates again. */
export async function remember(
  file: string,
  written: Omit<WriteRecord, 'dirs'> & { readonly dirs: readonly string[] },
): Promise<void> {
  const dirs = [];
  for (const dir of written.dirs) {
    const bytes = await readFile(join(dir, MANIFEST_FILE)).catch(() => undefined);
    if (bytes === undefined) return;
    dirs.push({ dir, manifest: sha256(bytes) });
  }
  const record: WriteRecord = { ...written, dirs };
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
    if (typeof key !== 'string' || !Array.isArray(dirs) || !strings(links) || !strings(diagnostics))
      return undefined;
    if (!dirs.every((d) => typeof d?.dir === 'string' && typeof d.manifest === 'string')) return undefined;
    return { key, dirs, links, diagnostics };
  } catch {
    return undefined;
  }
}

/** Something is at `path` (a link counts, wherever it points). */
function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function strings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** The folder's manifest is the one written (sha256 `written`), and every file it lists has the bytes it lists. */
async function intact(dir: string, written: string): Promise<boolean> {
  const bytes = await readFile(join(dir, MANIFEST_FILE)).catch(() => undefined);
  if (bytes === undefined || sha256(bytes) !== written) return false;
  // The bytes just hashed, read as a manifest: the file is read once.
  const manifest = parseManifest(bytes.toString('utf8'));
  if (manifest === undefined) return false;
  for (const [path, sha] of Object.entries(manifest.files)) {
    const full = join(dir, path);
    if (!existsSync(full)) return false;
    if (sha256(await readFile(full)) !== sha) return false;
  }
  return true;
}
