// `acs-rpc import` from the config: every imports entry written, `--check` failing on drift, and a
// file the tool did not write never replaced without --force.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IMPORT_HEADER, runImport } from '../../cli/import.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'openmeta');
let dir = '';
const out = () => join(dir, 'spec', 'imported', 'captcha@2023-03-05.yaml');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acs-rpc-import-'));
  await mkdir(join(dir, 'meta'));
  await copyFile(join(FIXTURES, 'captcha@2023-03-05.json'), join(dir, 'meta', 'captcha@2023-03-05.json'));
  await writeFile(
    join(dir, 'acs-rpc.config.json'),
    JSON.stringify({
      specs: [{ spec: 'spec/*.yaml' }],
      imports: [{ metadata: 'meta/*.json', out: 'spec/imported/{name}.yaml' }],
    }),
  );
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('acs-rpc import with the config', () => {
  it('fails --check while the imported spec is missing', async () => {
    expect(await runImport(['--check'], dir)).toBe(1);
  });

  it('writes each entry, with the header, and then --check passes', async () => {
    expect(await runImport(['--quiet'], dir)).toBe(0);
    const text = await readFile(out(), 'utf8');
    expect(text.startsWith(IMPORT_HEADER)).toBe(true);
    expect(text).toContain('operationId: VerifyIntelligentCaptcha');
    expect(await runImport(['--check'], dir)).toBe(0);
  });

  it('fails --check on a hand edit, and a rerun restores the spec', async () => {
    const text = await readFile(out(), 'utf8');
    await writeFile(out(), text.replace('operationId: VerifyIntelligentCaptcha', 'operationId: Edited'));
    expect(await runImport(['--check'], dir)).toBe(1);
    expect(await runImport(['--quiet'], dir)).toBe(0);
    expect(await readFile(out(), 'utf8')).toBe(text);
  });

  it('never replaces a file it did not write, unless told', async () => {
    await writeFile(out(), 'my own notes\n');
    expect(await runImport(['--quiet'], dir)).toBe(1);
    expect(await readFile(out(), 'utf8')).toBe('my own notes\n');
    expect(await runImport(['--quiet', '--force'], dir)).toBe(0);
    expect((await readFile(out(), 'utf8')).startsWith(IMPORT_HEADER)).toBe(true);
  });
});
