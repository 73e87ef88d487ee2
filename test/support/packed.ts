// Generated packages as users receive them: `npm pack` of a package folder, and a client's install
// made from tarballs without the network (third-party dependencies linked from this repository's
// own install, found as Node finds them), so a test can see exactly what installing a client pulls.
import { execFile } from 'node:child_process';
import { access, mkdir, readFile, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Packed {
  /** The package's name, from its package.json. */
  readonly name: string;
  /** The folder it was packed from. */
  readonly dir: string;
  readonly tarball: string;
  /** Paths inside the tarball, as `npm pack --json` lists them. */
  readonly files: readonly string[];
}

/** `npm pack` of `dir` into `destination`, with no lifecycle scripts. */
export async function pack(dir: string, destination: string): Promise<Packed> {
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
    { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
  );
  const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as {
    name: string;
    filename: string;
    files: { path: string }[];
  }[];
  if (info === undefined) throw new Error(`npm pack printed no package for ${dir}`);
  return {
    name: info.name,
    dir,
    tarball: join(destination, info.filename),
    files: info.files.map((f) => f.path),
  };
}

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** What `npm install --omit=dev` of `packages` into `project` installs: each tarball unpacked into
 * `project/node_modules`, then, transitively, every dependency and every peer dependency not marked
 * optional (npm installs those, and leaves optional peers out), linked from `repo`'s install.
 * Resolves to the names installed, sorted. */
export async function clientInstall(
  project: string,
  packages: readonly Packed[],
  repo: string,
): Promise<string[]> {
  const installed = new Set<string>();
  const queue: { name: string; from: string }[] = [];
  const enqueue = async (realDir: string) => {
    const manifest = JSON.parse(await readFile(join(realDir, 'package.json'), 'utf8')) as Manifest;
    const optional = manifest.peerDependenciesMeta ?? {};
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter((n) => optional[n]?.optional !== true);
    for (const name of [...Object.keys(manifest.dependencies ?? {}), ...peers])
      queue.push({ name, from: realDir });
  };
  for (const p of packages) {
    const target = join(project, 'node_modules', ...p.name.split('/'));
    await mkdir(target, { recursive: true });
    await run('tar', ['-xzf', p.tarball, '-C', target, '--strip-components=1']);
    installed.add(p.name);
    await enqueue(target);
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (installed.has(next.name)) continue;
    // A package of ours is resolved from its folder in the repository; a third-party one from where
    // the package needing it lies, walking up as Node does.
    const source = await packageDir(next.name, next.from.startsWith(project) ? repo : next.from);
    const link = join(project, 'node_modules', ...next.name.split('/'));
    await mkdir(dirname(link), { recursive: true });
    await symlink(source, link, 'dir');
    installed.add(next.name);
    await enqueue(source);
  }
  return [...installed].sort();
}

/** The folder of package `name` as Node would find it from `from`. */
async function packageDir(name: string, from: string): Promise<string> {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', ...name.split('/'));
    if (
      await access(join(candidate, 'package.json')).then(
        () => true,
        () => false,
      )
    )
      return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed above ${from}`);
  }
}
