// acs-rpc.config.json: which specs the project has and where their packages go, so a plain
// `acs-rpc generate` does the right thing in that folder. Found in the current folder or above.
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './exit-codes.ts';

export const CONFIG_FILE = 'acs-rpc.config.json';
export const DEFAULT_OUT = 'generated/{package}';

/** One spec to generate, paths absolute. */
export interface SpecTarget {
  readonly spec: string;
  readonly out: string;
}

export interface Config {
  readonly file: string;
  readonly targets: readonly SpecTarget[];
}

/** The nearest config at or above `cwd`, its spec patterns expanded; undefined when there is none. */
export async function loadConfig(cwd: string): Promise<Config | undefined> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
    if (text !== undefined) return { file, targets: await expand(dir, parseConfig(text, file)) };
    if (dirname(dir) === dir) return undefined;
  }
}

interface ConfigEntry {
  readonly spec: string;
  readonly out: string;
}

/** Validates the config's text; every problem is a UsageError naming the file and the field. */
export function parseConfig(text: string, file: string): ConfigEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const fail = (where: string, what: string) => new UsageError(`${file}: ${where} ${what}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw fail('the file', 'must hold an object like { "specs": [{ "spec": "api/my.yaml" }] }.');
  for (const key of Object.keys(value)) if (key !== 'specs') throw fail(`"${key}"`, 'is not a known key.');
  const specs = (value as { specs?: unknown }).specs;
  if (!Array.isArray(specs) || specs.length === 0) throw fail('"specs"', 'must be a non-empty array.');
  return specs.map((entry: unknown, i) => {
    const at = `specs[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw fail(at, 'must be an object like { "spec": "api/my.yaml", "out": "gen/my" }.');
    for (const key of Object.keys(entry))
      if (key !== 'spec' && key !== 'out') throw fail(`${at}.${key}`, 'is not a known key (spec, out).');
    const { spec, out = DEFAULT_OUT } = entry as { spec?: unknown; out?: unknown };
    if (typeof spec !== 'string' || spec === '') throw fail(`${at}.spec`, 'must be a path to a spec.');
    if (typeof out !== 'string' || out === '') throw fail(`${at}.out`, 'must be a folder path.');
    if (dirname(spec).includes('*')) throw fail(`${at}.spec`, 'may use * only in its file name.');
    return { spec, out };
  });
}

async function expand(dir: string, entries: readonly ConfigEntry[]): Promise<SpecTarget[]> {
  const targets: SpecTarget[] = [];
  for (const entry of entries) {
    const specs = entry.spec.includes('*')
      ? await matching(resolve(dir, entry.spec))
      : [resolve(dir, entry.spec)];
    if (specs.length === 0)
      throw new UsageError(`${join(dir, CONFIG_FILE)}: "${entry.spec}" matches no file.`);
    if (specs.length > 1 && !entry.out.includes('{package}'))
      throw new UsageError(
        `${join(dir, CONFIG_FILE)}: "${entry.spec}" matches ${specs.length} specs; its "out" needs {package}.`,
      );
    targets.push(...specs.map((spec) => ({ spec, out: resolve(dir, entry.out) })));
  }
  return targets;
}

/** Files of one folder whose names match a pattern with `*`, sorted. */
async function matching(pattern: string): Promise<string[]> {
  const names = await readdir(dirname(pattern)).catch(() => [] as string[]);
  const re = new RegExp(`^${basename(pattern).split('*').map(escapeRegExp).join('.*')}$`);
  return names
    .filter((n) => re.test(n))
    .sort()
    .map((n) => join(dirname(pattern), n));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
