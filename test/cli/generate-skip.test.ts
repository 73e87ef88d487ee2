// `acs-rpc generate` leaves a package alone while nothing it is made from changed, and generates
// again as soon as something did: the spec, a file it wrote, the link to the runtime, or --rebuild.
import { createHash } from 'node:crypto';
import { lstat, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { REPO } from '../support/cli.ts';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Runs `acs-rpc generate` in this process; what it printed on stdout and stderr. */
async function generate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => out.push(String(c)) > 0);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => err.push(String(c)) > 0);
  try {
    const code = await main(['generate', '--quiet', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('acs-rpc generate on an unchanged spec', () => {
  it('skips the work, and generates again once the spec, a written file or the link changed', {
    timeout: 180_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-rpc-skip-'));
    temps.push(dir);
    const spec = join(dir, 'kiosk.yaml');
    await writeFile(spec, await readFile(join(REPO, 'test/fixtures/specs/kiosk.yaml'), 'utf8'));
    const out = join(dir, 'gen', 'kiosk');
    const args = ['--spec', spec, '--out', out];

    const first = await generate(...args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/file\(s\) written/);
    const types = join(out, 'src', 'types.ts');
    const written = (await stat(types)).mtimeMs;

    const second = await generate(...args);
    expect(second).toMatchObject({ code: 0, stderr: first.stderr });
    expect(second.stdout).toMatch(/is up to date with .*kiosk\.yaml \(unchanged since generated/);
    expect((await stat(types)).mtimeMs).toBe(written);

    // A generated file edited by hand is put back.
    await writeFile(types, `${await readFile(types, 'utf8')}// edited\n`);
    expect((await generate(...args)).stdout).toContain('kiosk: 1 file(s) written, 0 removed.');

    // The package's link to the runtime removed: made again.
    const link = join(out, 'node_modules', '@acs-rpc', 'runtime');
    await rm(link);
    expect((await generate(...args)).stdout).toContain('kiosk: 0 file(s) written, 0 removed.');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);

    // The folder put back as an older version left it (its manifest agreeing with its files, as
    // after `git checkout`): generated again, though each file matches the manifest beside it.
    const manifest = join(out, '.acs-rpc-manifest.json');
    const current = { types: await readFile(types, 'utf8'), manifest: await readFile(manifest, 'utf8') };
    const older = `${current.types}// an older version\n`;
    const olderSha = createHash('sha256').update(older).digest('hex');
    await writeFile(types, older);
    await writeFile(manifest, current.manifest.replace(/("src\/types\.ts": ")[0-9a-f]+/, `$1${olderSha}`));
    expect((await generate(...args)).stdout).toContain('kiosk: 2 file(s) written, 0 removed.');
    expect(await readFile(types, 'utf8')).toBe(current.types);

    // --rebuild does the work though nothing changed.
    expect((await generate(...args, '--rebuild')).stdout).toContain('kiosk: 0 file(s) written, 0 removed.');

    // A changed spec is another package.
    const text = await readFile(spec, 'utf8');
    await writeFile(spec, text.replace('Only these shelves.', 'Only these shelves, by id.'));
    const changed = await generate(...args);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/kiosk: [1-9]\d* file\(s\) written/);
    expect((await generate(...args)).stdout).toContain('is up to date');
  });

  it('never skips a check: --check compares the folder with what the spec yields every time', {
    timeout: 120_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-rpc-skip-'));
    temps.push(dir);
    const spec = join(REPO, 'test/fixtures/specs/kiosk.yaml');
    const out = join(dir, 'kiosk');
    expect((await generate('--spec', spec, '--out', out)).code).toBe(0);
    // A skip would say "up to date" and exit 0; the check compares and names the edited file.
    const types = join(out, 'src', 'types.ts');
    await writeFile(types, `${await readFile(types, 'utf8')}// edited\n`);
    const check = await generate('--check', '--spec', spec, '--out', out);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('src/types.ts');
  });
});
