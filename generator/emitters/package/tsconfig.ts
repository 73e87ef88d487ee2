// The generated package's own tsconfig: strict, so its typecheck proves the output is sound.
import type { ServiceModel } from '../../model/types.ts';
import { headerLines } from '../header.ts';

export const PACKAGE_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022', 'DOM'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  // Each file's declarations follow from that file alone: the generator compiles file by file
  // (write/compile.ts), and this typecheck keeps every generated file fit for it.
  isolatedDeclarations: true,
  skipLibCheck: true,
  declaration: true,
  declarationMap: true,
  rootDir: 'src',
  outDir: 'dist',
} as const;

export function packageTsconfig(model: ServiceModel): string {
  return tsconfigWith(headerLines(model));
}

/** The tsconfig under a header of the caller's (the runtime package has no spec to name). */
export function tsconfigWith(header: readonly string[]): string {
  const comment = header.map((l) => `// ${l}`).join('\n');
  const body = { compilerOptions: PACKAGE_COMPILER_OPTIONS, include: ['src'] };
  return `${comment}\n${JSON.stringify(body, null, 2)}\n`;
}
