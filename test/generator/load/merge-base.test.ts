// A curated spec over an imported base: the merge rule at its grain, and diagnostics that point into
// the file holding the value (the base or the curated spec).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpecFile, specInputs } from '../../../generator/load/load-spec.ts';
import { mergeBase } from '../../../generator/load/merge-base.ts';
import { modelSpec } from '../../../generator/pipeline.ts';
import { formatDiagnostic } from '../../../generator/shared/diagnostic.ts';

describe('mergeBase', () => {
  const base = {
    openapi: '3.1.0',
    info: { title: 'Imported', version: '1' },
    paths: { '/A': { get: { summary: 'a', parameters: [1, 2] } }, '/B': { get: { summary: 'b' } } },
    components: { schemas: { X: { type: 'string' }, Y: { type: 'integer', minimum: 0 } } },
    'x-acs-service': {
      product: 'P',
      package: 'p',
      errors: { E1: { httpStatus: 400 }, E2: { httpStatus: 404 } },
    },
  };
  const curated = {
    'x-acs-base': 'base.yaml',
    info: { title: 'Curated' },
    paths: { '/B': { get: { summary: 'B, curated' } }, '/C': { get: { summary: 'c' } } },
    components: { schemas: { Y: { type: 'integer' } } },
    'x-acs-service': { package: 'q', errors: { E2: { httpStatus: 400 } } },
  };
  const merged = mergeBase(base, curated);

  it('replaces a path item whole, keeps the others, in the base order then the new ones', () => {
    expect(merged.value.paths).toEqual({
      '/A': base.paths['/A'],
      '/B': { get: { summary: 'B, curated' } },
      '/C': { get: { summary: 'c' } },
    });
  });

  it('replaces a component entry whole (no keyword of the base entry survives)', () => {
    expect(merged.value.components).toEqual({ schemas: { X: { type: 'string' }, Y: { type: 'integer' } } });
  });

  it('merges the service per field and its errors per code, the curated value winning', () => {
    expect(merged.value['x-acs-service']).toEqual({
      product: 'P',
      package: 'q',
      errors: { E1: { httpStatus: 400 }, E2: { httpStatus: 400 } },
    });
  });

  it('takes any other top-level value whole from the curated spec, and drops x-acs-base', () => {
    expect(merged.value.info).toEqual({ title: 'Curated' });
    expect(merged.value.openapi).toBe('3.1.0');
    expect('x-acs-base' in merged.value).toBe(false);
  });

  it('gives an error code the curated spec defines its curated status and retryability in base actions', () => {
    const pinned = mergeBase(
      {
        paths: {
          '/A': {
            get: {
              'x-acs-rpc': {
                errors: {
                  Busy: { httpStatus: 503, message: 'Busy in A.', retryable: true },
                  Gone: { httpStatus: 404, message: 'Gone in A.', retryable: true },
                  Other: { httpStatus: 409, message: 'Other.' },
                },
              },
            },
          },
        },
      },
      {
        'x-acs-service': { errors: { Busy: { httpStatus: 400, message: 'Busy.' } } },
        paths: {
          '/B': {
            get: {
              'x-acs-rpc': { errors: { Gone: { httpStatus: 410, message: 'Gone.', retryable: true } } },
            },
          },
        },
      },
    );
    expect(
      (pinned.value.paths as Record<string, { get: Record<string, unknown> }>)['/A']!.get['x-acs-rpc'],
    ).toEqual({
      errors: {
        Busy: { httpStatus: 400, message: 'Busy in A.' },
        Gone: { httpStatus: 410, message: 'Gone in A.', retryable: true },
        Other: { httpStatus: 409, message: 'Other.' },
      },
    });
  });

  it.each([
    [['paths', '/A', 'get', 'summary'], true],
    [['paths', '/B', 'get'], false],
    [['components', 'schemas', 'X'], true],
    [['components', 'schemas', 'Y', 'type'], false],
    [['x-acs-service', 'errors', 'E1'], true],
    [['x-acs-service', 'package'], false],
    [['openapi'], true],
    [['info', 'title'], false],
  ])('knows where %j comes from (base: %s)', (segments, want) => {
    expect(merged.fromBase(segments)).toBe(want);
  });
});

describe('loading a spec with a base', () => {
  const dir = mkdtemp(join(tmpdir(), 'acs-rpc-base-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));
  const kiosk = readFile(join(import.meta.dirname, '../../fixtures/specs/kiosk.yaml'), 'utf8');

  /** Writes `imported/kiosk.yaml` (the kiosk fixture, edited) and `kiosk.yaml` over it. */
  async function write(curated: string, editBase: (text: string) => string = (t) => t) {
    const root = await dir;
    await writeFile(join(root, 'imported.yaml'), editBase(await kiosk));
    await writeFile(join(root, 'curated.yaml'), curated);
    return root;
  }

  it('generates the base with the curated changes', async () => {
    const root = await write(
      [
        'x-acs-base: imported.yaml',
        'paths:',
        '  /DescribeRegions:',
        '    get:',
        '      operationId: DescribeRegions',
        '      summary: Curated regions.',
        '      x-acs-rpc: { action: DescribeRegions, methods: [POST], path: /, idempotent: true }',
        '      responses:',
        '        "200":',
        '          description: Regions.',
        '          content:',
        '            application/json:',
        '              schema: { $ref: "#/components/schemas/DescribeRegionsResponse" }',
        '',
      ].join('\n'),
    );
    const result = await modelSpec(root, 'curated.yaml');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const regions = result.model!.actions.find((a) => a.name === 'DescribeRegions')!;
    expect(regions.methods).toEqual(['POST']);
    expect(result.model!.actions.map((a) => a.name)).toContain('ListShelves');
    expect(await specInputs(join(root, 'curated.yaml'))).toEqual([
      join(root, 'curated.yaml'),
      join(root, 'imported.yaml'),
    ]);
  });

  it('points a diagnostic into the base file for a value the base holds', async () => {
    const root = await write('x-acs-base: imported.yaml\ninfo: { title: Curated, version: "1" }\n', (t) =>
      t.replace('Slots: { type: integer, minimum: 10, maximum: 40 }', 'Slots: { type: integer, enum: [] }'),
    );
    const result = await modelSpec(root, 'curated.yaml');
    expect(result.diagnostics.map((d) => `${d.file}:${d.code}`)).toEqual(['imported.yaml:schema.invalid']);
  });

  it.each([
    [
      'a base that is not there',
      'x-acs-base: nowhere.yaml\n',
      /^Cannot read the base spec nowhere\.yaml: file not found/,
    ],
    ['a base that is not a string', 'x-acs-base: [a]\n', /^x-acs-base must name a spec file/],
  ])('refuses %s with spec.base at the key', async (_what, curated, message) => {
    const root = await write(curated);
    const loaded = await loadSpecFile('curated.yaml', root);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.diagnostics).toHaveLength(1);
      expect(loaded.diagnostics[0]).toMatchObject({ code: 'spec.base', line: 1, column: 13 });
      expect(loaded.diagnostics[0]!.message).toMatch(message);
    }
  });

  it('refuses a base that names a base of its own', async () => {
    const root = await write('x-acs-base: imported.yaml\n', (t) => `x-acs-base: curated.yaml\n${t}`);
    const loaded = await loadSpecFile('curated.yaml', root);
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => d.message)).toEqual([
      'The base spec imported.yaml names a base of its own.',
    ]);
  });
});
