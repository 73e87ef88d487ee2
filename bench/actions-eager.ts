// What a program that sends N actions through the bare client holds eagerly (esbuild, minified, code
// splitting; the entry and the chunks it imports statically, gzipped each), for N = 1 … 8 actions of
// the ECS package, in this checkout and in another one given (an earlier commit's worktree with its
// own install), side by side: how the bytes per action compare, not only for one call.
// `npx tsx bench/actions-eager.ts [other repository root…]`; not part of `npm run bench`.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const ACTIONS = [
  'DescribeInstanceStatus',
  'DescribeRegions',
  'DescribeZones',
  'StartInstance',
  'StopInstance',
  'DescribeInstances',
  'RunInstances',
  'DescribeDisks',
];
const COUNTS = [1, 2, 3, 4, 5, 6, 8];

function program(actions: readonly string[]): string {
  return `import { EcsBareClient, ${actions.map((a) => `${a}Command`).join(', ')} } from '@acs-rpc/ecs';
const client = new EcsBareClient({ region: 'cn-hangzhou', credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
${actions.map((a) => `console.log(await client.send(new ${a}Command({ RegionId: 'cn-hangzhou' })));`).join('\n')}`;
}

/** Gzipped bytes of the entry and every chunk it imports statically, however deep. */
async function eagerBytes(root: string, actions: readonly string[]): Promise<number> {
  const result = await build({
    stdin: { contents: program(actions), resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    splitting: true,
    outdir: join(root, 'bench', 'out', 'actions-eager'),
    minify: true,
    write: false,
    external: ['fast-xml-parser'],
    logLevel: 'silent',
  });
  const chunks = new Map(result.outputFiles.map((f) => [f.path.split('/').at(-1) as string, f.text]));
  const eager = new Set<string>();
  const visit = (name: string): void => {
    if (eager.has(name)) return;
    eager.add(name);
    const code = chunks.get(name) ?? '';
    for (const m of code.matchAll(/(?:^|[;\n])import\s*(?:[^'"]*?from\s*)?["']\.\/([^"']+)["']/g)) {
      visit(m[1] as string);
    }
  };
  visit('stdin.js');
  return [...eager].reduce((sum, name) => sum + gzipSync(chunks.get(name) ?? '', { level: 9 }).length, 0);
}

const roots = [ROOT, ...process.argv.slice(2)];
console.log(`| actions sent | ${roots.map((r) => r).join(' | ')} |`);
console.log(`| ---: | ${roots.map(() => '---:').join(' | ')} |`);
for (const n of COUNTS) {
  const figures: string[] = [];
  for (const root of roots)
    figures.push(`${((await eagerBytes(root, ACTIONS.slice(0, n))) / 1024).toFixed(1)} KB`);
  console.log(`| ${n} (${ACTIONS.slice(0, n).at(-1)}) | ${figures.join(' | ')} |`);
}
