// A strict TypeScript user's program typechecks against the generated packages as published: no DOM
// lib, only Node's types, skipLibCheck off (so every declaration the package ships is checked), under
// NodeNext and Bundler resolution, with each @types/node major the toolkit has installed.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
/** A file of the user's project, at the repository's root so `@acs-rpc/*` resolve as installed. */
const PROGRAM = join(ROOT, 'consumer-check', 'program.ts');
const SOURCE = `import {
  AcsError,
  AcsServiceError,
  DescribeInstanceStatusCommand,
  EcsBareClient,
  EcsClient,
  type DescribeInstanceStatusResponse,
} from '@acs-rpc/ecs';

const ecs = new EcsClient({ region: 'cn-hangzhou', timeoutMs: 5000, fetch: (url, init) => fetch(url, init) });
const page: DescribeInstanceStatusResponse = await ecs.describeInstanceStatus({ RegionId: 'cn-hangzhou' });
const bare = new EcsBareClient({ endpoint: 'http://127.0.0.1:8080' });
const sent = await bare.send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou' }));
try {
  await bare.send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou', PageSize: 10 }));
} catch (e) {
  if (e instanceof AcsServiceError) console.log(e.code, e.requestId);
  else if (e instanceof AcsError) console.log(e.retryable);
}
export const total: number | undefined = page.TotalCount ?? sent.TotalCount;
`;

/** The `@types/node` packages installed: the toolkit's own, and majors aliased as `@types/nodeNN`. */
const NODE_TYPES = ['node', 'node22', 'node24'].filter((name) => {
  try {
    require.resolve(`@types/${name}/package.json`);
    return true;
  } catch {
    return false;
  }
});

/** A type root whose `node` is the given package: `types: ["node"]` and every `/// <reference
 * types="node" />` (undici-types has them) then mean that one version, not the hoisted one. */
const typeRoots = mkdtempSync(join(tmpdir(), 'acs-types-'));
afterAll(() => rmSync(typeRoots, { recursive: true, force: true }));
function typeRootFor(name: string): string {
  const root = mkdtempSync(join(typeRoots, `${name}-`));
  symlinkSync(dirname(require.resolve(`@types/${name}/package.json`)), join(root, 'node'), 'dir');
  return root;
}

function diagnostics(resolution: 'NodeNext' | 'Bundler', nodeTypes: string): string[] {
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    {
      target: 'ES2022',
      module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
      moduleResolution: resolution,
      lib: ['ES2022'],
      types: ['node'],
      typeRoots: [typeRootFor(nodeTypes)],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
      noEmit: true,
    },
    ROOT,
  );
  expect(errors).toEqual([]);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === PROGRAM ? ts.createSourceFile(file, SOURCE, language) : getSourceFile(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === PROGRAM || fileExists(file);
  const program = ts.createProgram([PROGRAM], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) =>
    ts.formatDiagnostic(d, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => ROOT,
      getNewLine: () => '\n',
    }),
  );
}

describe('a strict consumer with lib ES2022 and no DOM', () => {
  it('has @types/node 20, 22 and 24 to check against', () => {
    expect(NODE_TYPES).toEqual(['node', 'node22', 'node24']);
  });

  // Each program checks every declaration of a whole product (some 20 s on a busy 2-core machine):
  // every @types/node major under NodeNext, and Bundler once.
  it.each([...NODE_TYPES.map((types) => ['NodeNext', types] as const), ['Bundler', 'node'] as const])(
    'typechecks under %s resolution with @types/%s',
    (resolution, types) => {
      expect(diagnostics(resolution, types)).toEqual([]);
    },
  );
});
