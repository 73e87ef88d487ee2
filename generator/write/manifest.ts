// The output folder's manifest: which files the generator wrote there, with their hashes. Only these
// files are ever overwritten or removed; anything else in the folder belongs to the user.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedFile } from '../emitters/contract.ts';

export const MANIFEST_FILE = '.acs-rpc-manifest.json';

export interface Manifest {
  /** Path (POSIX, inside the package) → sha256 of the bytes written. */
  readonly files: Readonly<Record<string, string>>;
}

export function hashContent(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The manifest of `files`, as the file written beside them; sorted, so its bytes are reproducible. */
export function manifestFile(files: readonly GeneratedFile[]): GeneratedFile {
  const entries = files.map((f) => [f.path, hashContent(f.content)] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const body = {
    '//': 'Written by acs-rpc-kit: the files it generated here. It only ever replaces or removes these.',
    files: Object.fromEntries(entries),
  };
  return { path: MANIFEST_FILE, content: `${JSON.stringify(body, null, 2)}\n` };
}

/** The manifest in `dir`, or undefined when there is none; an unreadable one is an error. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const files = parseFiles(text);
  if (files === undefined)
    throw new ManifestError(`${join(dir, MANIFEST_FILE)} is not a manifest written by acs-rpc-kit.`);
  return { files };
}

/** A manifest's text as `readManifest` reads it; undefined when it is not one acs-rpc-kit wrote. */
export function parseManifest(text: string): Manifest | undefined {
  const files = parseFiles(text);
  return files === undefined ? undefined : { files };
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

function parseFiles(text: string): Record<string, string> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const files = (value as { files?: unknown } | null)?.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return undefined;
  const entries = Object.entries(files);
  if (!entries.every(([path, hash]) => typeof hash === 'string' && isOwnPath(path))) return undefined;
  return Object.fromEntries(entries) as Record<string, string>;
}

/** A path the generator could have written: relative, inside the folder, never under `.git`. */
export function isOwnPath(path: string): boolean {
  const parts = path.split('/');
  return (
    path.length > 0 &&
    !path.startsWith('/') &&
    !/^[A-Za-z]:/.test(path) &&
    !path.includes('\\') &&
    parts.every((p) => p !== '' && p !== '.' && p !== '..') &&
    !parts.includes('.git') &&
    !parts.includes('node_modules')
  );
}
