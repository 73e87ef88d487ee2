// acs-rpc.config.json: a valid file gives the specs and folders, every mistake a message naming the
// file and the field.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../cli/config.ts';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('parseConfig', () => {
  it.each([
    [
      'one spec, out given',
      {
        given: '{"specs":[{"spec":"a.yaml","out":"gen/a"}]}',
        want: { specs: [{ spec: 'a.yaml', out: 'gen/a' }], imports: [] },
      },
    ],
    [
      'out defaults',
      {
        given: '{"specs":[{"spec":"a.yaml"}]}',
        want: { specs: [{ spec: 'a.yaml', out: 'generated/{package}' }], imports: [] },
      },
    ],
    [
      'imports',
      {
        given: '{"specs":[{"spec":"a.yaml"}],"imports":[{"metadata":"m/*.json","out":"s/{name}.yaml"}]}',
        want: {
          specs: [{ spec: 'a.yaml', out: 'generated/{package}' }],
          imports: [{ metadata: 'm/*.json', out: 's/{name}.yaml' }],
        },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(parseConfig(given, 'c.json')).toEqual(want);
  });

  it.each([
    ['not JSON', { given: '{', want: /^c\.json: not valid JSON: / }],
    ['not an object', { given: '[]', want: 'c.json: the file must hold an object' }],
    [
      'unknown top key',
      { given: '{"spec":"a"}', want: 'c.json: "spec" is not a known key (specs, imports).' },
    ],
    [
      'imports not a list',
      { given: '{"specs":[{"spec":"a"}],"imports":{}}', want: 'c.json: "imports" must be an array.' },
    ],
    [
      'an import without metadata',
      {
        given: '{"specs":[{"spec":"a"}],"imports":[{"out":"a.yaml"}]}',
        want: 'c.json: imports[0].metadata must be a path to an api-docs.json file.',
      },
    ],
    [
      'an import written elsewhere than a .yaml file',
      {
        given: '{"specs":[{"spec":"a"}],"imports":[{"metadata":"m.json","out":"a"}]}',
        want: 'c.json: imports[0].out must be a .yaml path',
      },
    ],
    ['no specs', { given: '{"specs":[]}', want: 'c.json: "specs" must be a non-empty array.' }],
    ['entry not an object', { given: '{"specs":["a.yaml"]}', want: 'c.json: specs[0] must be an object' }],
    [
      'unknown entry key',
      { given: '{"specs":[{"spec":"a","outt":"b"}]}', want: 'c.json: specs[0].outt is not a known key' },
    ],
    [
      'spec missing',
      { given: '{"specs":[{"out":"b"}]}', want: 'c.json: specs[0].spec must be a path to a spec.' },
    ],
    [
      'out not a string',
      { given: '{"specs":[{"spec":"a","out":1}]}', want: 'c.json: specs[0].out must be a folder path.' },
    ],
    [
      '* in a folder',
      {
        given: '{"specs":[{"spec":"*/a.yaml"}]}',
        want: 'c.json: specs[0].spec may use * only in its file name.',
      },
    ],
  ])('refuses %s', (_name, { given, want }) => {
    expect(() => parseConfig(given, 'c.json')).toThrow(want);
  });
});

describe('loadConfig', () => {
  it('is found above the current folder, expands * in order, resolves paths against its folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-rpc-config-'));
    temps.push(dir);
    await mkdir(join(dir, 'spec'));
    await mkdir(join(dir, 'deep', 'er'), { recursive: true });
    for (const name of ['b.yaml', 'a.yaml', 'notes.md']) await writeFile(join(dir, 'spec', name), '');
    await writeFile(
      join(dir, 'acs-rpc.config.json'),
      '{"specs":[{"spec":"spec/*.yaml","out":"gen/{package}"}]}',
    );
    await mkdir(join(dir, 'meta'));
    for (const name of ['x@2020-01-01.json', 'y@2021-01-01.json'])
      await writeFile(join(dir, 'meta', name), '');
    await writeFile(
      join(dir, 'acs-rpc.config.json'),
      JSON.stringify({
        specs: [{ spec: 'spec/*.yaml', out: 'gen/{package}' }],
        imports: [{ metadata: 'meta/*.json', out: 'spec/imported/{name}.yaml' }],
      }),
    );
    const config = await loadConfig(join(dir, 'deep', 'er'));
    expect(config?.imports).toEqual([
      {
        metadata: join(dir, 'meta', 'x@2020-01-01.json'),
        out: join(dir, 'spec', 'imported', 'x@2020-01-01.yaml'),
      },
      {
        metadata: join(dir, 'meta', 'y@2021-01-01.json'),
        out: join(dir, 'spec', 'imported', 'y@2021-01-01.yaml'),
      },
    ]);
    expect(config?.targets).toEqual([
      { spec: join(dir, 'spec', 'a.yaml'), out: join(dir, 'gen', '{package}') },
      { spec: join(dir, 'spec', 'b.yaml'), out: join(dir, 'gen', '{package}') },
    ]);
  });

  it.each([
    [
      'a pattern matching nothing',
      { given: 'spec/*.json', out: 'gen/{package}', want: '"spec/*.json" matches no file.' },
    ],
    [
      'several specs into one folder',
      { given: 'spec/*.yaml', out: 'gen/x', want: 'its "out" needs {package}' },
    ],
  ])('refuses %s', async (_name, { given, out, want }) => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-rpc-config-'));
    temps.push(dir);
    await mkdir(join(dir, 'spec'));
    for (const name of ['a.yaml', 'b.yaml']) await writeFile(join(dir, 'spec', name), '');
    await writeFile(join(dir, 'acs-rpc.config.json'), JSON.stringify({ specs: [{ spec: given, out }] }));
    await expect(loadConfig(dir).then((config) => config?.targets)).rejects.toThrow(want);
  });
});
