// The write stage owns only the files in its manifest: a folder holding anything else is refused
// (or, forced, written beside it), files it wrote before and no longer yields are removed, and `.git`
// is never touched.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../../generator/write/manifest.ts';
import { diffOutput, writeOutput } from '../../../generator/write/write-output.ts';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'acs-rpc-write-'));
  temps.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const pairs = await Promise.all(
    files.map(async (f) => [f.slice(dir.length + 1), await readFile(f, 'utf8')] as const),
  );
  return Object.fromEntries(pairs.filter(([p]) => p !== MANIFEST_FILE).sort());
}

const V1 = [
  { path: 'src/a.ts', content: 'a1' },
  { path: 'src/old/gone.ts', content: 'old' },
];
const V2 = [
  { path: 'src/a.ts', content: 'a2' },
  { path: 'src/b.ts', content: 'b' },
];

describe('writeOutput', () => {
  it('removes a file it wrote before and no longer yields, and the folder it leaves empty', async () => {
    const dir = await folder({});
    await writeOutput(dir, V1, 'write');
    const report = await writeOutput(dir, V2, 'write');
    expect(report).toMatchObject({ extra: ['src/old/gone.ts'], foreign: [], refused: false });
    expect(await tree(dir)).toEqual({ 'src/a.ts': 'a2', 'src/b.ts': 'b' });
    expect(await readdir(join(dir, 'src'))).toEqual(['a.ts', 'b.ts']);
  });

  it.each([
    ['a file beside the output', { given: { LICENSE: 'mine' }, want: ['LICENSE'] }],
    ['a file the output would replace', { given: { 'src/a.ts': 'mine' }, want: ['src/a.ts'] }],
    [
      'files in subfolders',
      { given: { 'docs/x.md': 'x', 'CHANGELOG.md': 'c' }, want: ['CHANGELOG.md', 'docs/x.md'] },
    ],
  ])('refuses a folder holding %s, writing nothing', async (_name, { given, want }) => {
    const dir = await folder(given);
    const report = await writeOutput(dir, V2, 'write');
    expect(report).toMatchObject({ refused: true, foreign: want });
    expect(await tree(dir)).toEqual(given);
  });

  it('with force, writes beside foreign files and never removes them', async () => {
    const dir = await folder({ LICENSE: 'mine' });
    await writeOutput(dir, V1, 'write', { force: true });
    await writeOutput(dir, V2, 'write', { force: true });
    expect(await tree(dir)).toEqual({ LICENSE: 'mine', 'src/a.ts': 'a2', 'src/b.ts': 'b' });
  });

  it('never looks into .git, not even when the manifest names it', async () => {
    const dir = await folder({ '.git/HEAD': 'ref: refs/heads/main\n' });
    await writeOutput(dir, V1, 'write');
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8'));
    manifest.files['.git/HEAD'] = 'x';
    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    await expect(writeOutput(dir, V2, 'write')).rejects.toThrow(/not a manifest written by acs-rpc-kit/);
    expect(await readFile(join(dir, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
  });

  it('adopts files that already hold exactly its bytes (a folder generated before manifests)', async () => {
    const dir = await folder({ 'src/a.ts': 'a2', 'src/b.ts': 'b' });
    expect(await writeOutput(dir, V2, 'write')).toMatchObject({ changed: [MANIFEST_FILE], refused: false });
  });

  it('in check mode reports without writing', async () => {
    const dir = await folder({});
    await writeOutput(dir, V1, 'write');
    const report = await writeOutput(dir, V2, 'check');
    expect(report).toMatchObject({
      changed: [MANIFEST_FILE, 'src/a.ts', 'src/b.ts'],
      extra: ['src/old/gone.ts'],
    });
    expect(await tree(dir)).toEqual({ 'src/a.ts': 'a1', 'src/old/gone.ts': 'old' });
  });
});

const files = (entries: Record<string, string>) =>
  Object.entries(entries).map(([path, content]) => ({ path, content }));

describe('diffOutput', () => {
  it.each([
    [
      'nothing when the bytes match',
      { given: { disk: { 'a.ts': 'a' }, yields: { 'a.ts': 'a' } }, want: [[], []] },
    ],
    ['a changed file', { given: { disk: { 'a.ts': 'a' }, yields: { 'a.ts': 'b' } }, want: [['a.ts'], []] }],
    ['a missing file', { given: { disk: {}, yields: { 'src/a.ts': 'a' } }, want: [['src/a.ts'], []] }],
    [
      'an extra file',
      { given: { disk: { 'a.ts': 'a', 'x.ts': '' }, yields: { 'a.ts': 'a' } }, want: [[], ['x.ts']] },
    ],
    [
      'a line-ending change',
      { given: { disk: { 'a.ts': 'a\r\n' }, yields: { 'a.ts': 'a\n' } }, want: [['a.ts'], []] },
    ],
    [
      'everything, sorted',
      {
        given: {
          disk: { 'z.ts': '', 'b.ts': 'old', 'y.ts': '' },
          yields: { 'c.ts': 'c', 'b.ts': 'new', 'a.ts': 'a' },
        },
        want: [
          ['a.ts', 'b.ts', 'c.ts'],
          ['y.ts', 'z.ts'],
        ],
      },
    ],
  ] as const)('reports %s', (_name, { given, want }) => {
    const report = diffOutput(new Map(Object.entries(given.disk)), files(given.yields));
    expect([report.changed, report.extra]).toEqual(want);
  });
});
