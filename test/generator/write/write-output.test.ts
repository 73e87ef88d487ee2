// The write stage: which files are stale (the drift check), and what write mode does about them.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffOutput, writeOutput } from '../../../generator/write/write-output.ts';

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

describe('writeOutput', () => {
  const temps: string[] = [];
  afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

  async function packageOnDisk(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'acs-rpc-write-'));
    temps.push(dir);
    await mkdir(join(dir, 'src'));
    await mkdir(join(dir, 'node_modules', 'dep'), { recursive: true });
    await writeFile(join(dir, 'src', 'same.ts'), 'same\n');
    await writeFile(join(dir, 'src', 'old.ts'), 'old\n');
    await writeFile(join(dir, 'src', 'stray.ts'), 'stray\n');
    await writeFile(join(dir, 'node_modules', 'dep', 'index.js'), 'dep\n');
    return dir;
  }
  const yields = files({ 'src/same.ts': 'same\n', 'src/old.ts': 'new\n', 'dist/new.js': 'new\n' });
  const want = { changed: ['dist/new.js', 'src/old.ts'], extra: ['src/stray.ts'] };

  it('in check mode reports stale files and writes nothing', async () => {
    const dir = await packageOnDisk();
    expect(await writeOutput(dir, yields, 'check')).toEqual(want);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual([
      'node_modules',
      'node_modules/dep',
      'node_modules/dep/index.js',
      'src',
      'src/old.ts',
      'src/same.ts',
      'src/stray.ts',
    ]);
  });

  it('in write mode writes what changed and removes extras, leaving node_modules alone', async () => {
    const dir = await packageOnDisk();
    expect(await writeOutput(dir, yields, 'write')).toEqual(want);
    expect(await readFile(join(dir, 'src', 'old.ts'), 'utf8')).toBe('new\n');
    expect(await readFile(join(dir, 'dist', 'new.js'), 'utf8')).toBe('new\n');
    expect(await readFile(join(dir, 'node_modules', 'dep', 'index.js'), 'utf8')).toBe('dep\n');
    expect(await writeOutput(dir, yields, 'check')).toEqual({ changed: [], extra: [] });
  });
});
