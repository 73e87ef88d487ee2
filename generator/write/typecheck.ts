// The full typecheck of a generated package (`acs-rpc generate --typecheck`): TypeScript 5.9 with the
// package's own options over its sources, as the package's tsconfig would check them. Generation
// without it still refuses syntax errors (compile.ts); type errors are what this adds.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { GeneratedFile } from '../emitters/contract.ts';
import { RUNTIME_FOLDER, RUNTIME_PACKAGE } from '../emitters/naming.ts';
import { PACKAGE_COMPILER_OPTIONS } from '../emitters/package/tsconfig.ts';

/** Throws with the compiler's report when the package's TypeScript does not typecheck. */
export function typecheckPackage(
  packageDir: string,
  files: readonly GeneratedFile[],
  /** The runtime package's files (its compiled declarations are what the package is checked against). */
  runtime: readonly GeneratedFile[],
): void {
  const { options, errors } = ts.convertCompilerOptionsFromJson(PACKAGE_COMPILER_OPTIONS, packageDir);
  if (errors.length > 0)
    throw new Error(`Bad package compiler options: ${errors.map((e) => e.messageText).join('; ')}`);
  // Type libraries (`types: ["node"]`) come from the toolkit's own install: without a tsconfig the
  // compiler would look for them under the current folder, which is the user's project.
  // The runtime package's declarations (`dist/*.d.ts`, as its users see them) stand beside the
  // package, where its imports of them resolve.
  const runtimeDir = join(dirname(packageDir), RUNTIME_FOLDER);
  const project = new Project({
    compilerOptions: {
      ...options,
      typeRoots: [toolkitTypeRoot()],
      paths: { [`${RUNTIME_PACKAGE}/*`]: [join(runtimeDir, 'dist', '*')] },
    },
    skipAddingFilesFromTsConfig: true,
  });
  for (const file of files)
    if (file.path.startsWith('src/') && file.path.endsWith('.ts'))
      project.createSourceFile(join(packageDir, file.path), file.content, { overwrite: true });
  for (const file of runtime)
    if (file.path.startsWith('dist/') && file.path.endsWith('.d.ts'))
      project.createSourceFile(join(runtimeDir, file.path), file.content, { overwrite: true });
  const diagnostics = project.getPreEmitDiagnostics();
  if (diagnostics.length > 0) {
    throw new Error(
      `The generated code does not compile:\n${project.formatDiagnosticsWithColorAndContext(diagnostics)}`,
    );
  }
}

/** The `@types` folder holding the toolkit's `@types/node`, wherever npm placed it. */
function toolkitTypeRoot(): string {
  return dirname(dirname(createRequire(import.meta.url).resolve('@types/node/package.json')));
}
