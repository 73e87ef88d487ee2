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

/** One metadata file to import, paths absolute. */
export interface ImportTarget {
  readonly metadata: string;
  readonly out: string;
}

export interface Config {
  readonly file: string;
  readonly targets: readonly SpecTarget[];
  /** `imports`: Alibaba metadata files and the specs `acs-rpc import` makes of them. */
  readonly imports: readonly ImportTarget[];
}

/** The nearest config at or above `cwd`, its spec patterns expanded; undefined when there is none. */
export async function loadConfig(cwd: string): Promise<Config | undefined> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
    if (text !== undefined) {
      const parsed = parseConfig(text, file);
      // A spec pattern that matches nothing is an error only for the commands that need the specs:
      // `acs-rpc import` runs before there is any spec to match.
      const targets = await expand(dir, parsed.specs).catch((error: unknown) => error as UsageError);
      const imports = await expandImports(dir, parsed.imports);
      return {
        file,
        get targets() {
          if (targets instanceof Error) throw targets;
          return targets;
        },
        imports,
      };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

interface ConfigEntry {
  readonly spec: string;
  readonly out: string;
}

interface ImportEntry {
  readonly metadata: string;
  readonly out: string;
}

/** Validates the config's text; every problem is a UsageError naming the file and the field. */
export function parseConfig(
  text: string,
  file: string,
): { readonly specs: ConfigEntry[]; readonly imports: ImportEntry[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const fail = (where: string, what: string) => new UsageError(`${file}: ${where} ${what}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw fail('the file', 'must hold an object like { "specs": [{ "spec": "api/my.yaml" }] }.');
  for (const key of Object.keys(value))
    if (key !== 'specs' && key !== 'imports') throw fail(`"${key}"`, 'is not a known key (specs, imports).');
  const specs = (value as { specs?: unknown }).specs;
  if (!Array.isArray(specs) || specs.length === 0) throw fail('"specs"', 'must be a non-empty array.');
  return {
    specs: parseSpecs(specs, fail),
    imports: parseImports((value as { imports?: unknown }).imports ?? [], fail),
  };
}

type Fail = (where: string, what: string) => UsageError;

function parseImports(imports: unknown, fail: Fail): ImportEntry[] {
  if (!Array.isArray(imports)) throw fail('"imports"', 'must be an array.');
  return imports.map((entry: unknown, i) => {
    const at = `imports[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw fail(
        at,
        'must be an object like { "metadata": "meta/*.json", "out": "spec/imported/{name}.yaml" }.',
      );
    for (const key of Object.keys(entry))
      if (key !== 'metadata' && key !== 'out')
        throw fail(`${at}.${key}`, 'is not a known key (metadata, out).');
    const { metadata, out } = entry as { metadata?: unknown; out?: unknown };
    if (typeof metadata !== 'string' || metadata === '')
      throw fail(`${at}.metadata`, 'must be a path to an api-docs.json file.');
    if (dirname(metadata).includes('*')) throw fail(`${at}.metadata`, 'may use * only in its file name.');
    if (typeof out !== 'string' || !out.endsWith('.yaml'))
      throw fail(`${at}.out`, "must be a .yaml path ({name} stands for the metadata file's name).");
    return { metadata, out };
  });
}

function parseSpecs(specs: readonly unknown[], fail: Fail): ConfigEntry[] {
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

async function expandImports(dir: string, entries: readonly ImportEntry[]): Promise<ImportTarget[]> {
  const targets: ImportTarget[] = [];
  for (const entry of entries) {
    const files = entry.metadata.includes('*')
      ? await matching(resolve(dir, entry.metadata))
      : [resolve(dir, entry.metadata)];
    if (files.length === 0)
      throw new UsageError(`${join(dir, CONFIG_FILE)}: "${entry.metadata}" matches no file.`);
    if (files.length > 1 && !entry.out.includes('{name}'))
      throw new UsageError(
        `${join(dir, CONFIG_FILE)}: "${entry.metadata}" matches ${files.length} files; its "out" needs {name}.`,
      );
    for (const metadata of files) {
      const name = basename(metadata).replace(/\.json$/, '');
      targets.push({ metadata, out: resolve(dir, entry.out.replaceAll('{name}', name)) });
    }
  }
  return targets;
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
