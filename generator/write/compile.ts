// Compiles the generated TypeScript to the package's dist/ (JS + declarations) in memory, after a
// full typecheck: the generator refuses to write a package that does not compile.
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { GeneratedFile } from '../emitters/contract.ts';
import { PACKAGE_COMPILER_OPTIONS } from '../emitters/package/tsconfig.ts';

/** `header` is prepended where the compiler dropped it (declaration files keep no leading comment). */
export function compilePackage(
  packageDir: string,
  files: readonly GeneratedFile[],
  header: string,
): GeneratedFile[] {
  const { options, errors } = ts.convertCompilerOptionsFromJson(PACKAGE_COMPILER_OPTIONS, packageDir);
  if (errors.length > 0)
    throw new Error(`Bad package compiler options: ${errors.map((e) => e.messageText).join('; ')}`);
  // Type libraries (`types: ["node"]`) come from the toolkit's own install: without a tsconfig the
  // compiler would look for them under the current folder, which is the user's project.
  const project = new Project({
    compilerOptions: { ...options, typeRoots: [toolkitTypeRoot()] },
    skipAddingFilesFromTsConfig: true,
  });
  const sources = files.filter((f) => f.path.startsWith('src/') && f.path.endsWith('.ts'));
  for (const file of sources) {
    project.createSourceFile(join(packageDir, file.path), file.content, { overwrite: true });
  }
  const diagnostics = project.getPreEmitDiagnostics();
  if (diagnostics.length > 0) {
    throw new Error(
      `The generated code does not compile:\n${project.formatDiagnosticsWithColorAndContext(diagnostics)}`,
    );
  }
  const emitted = project
    .emitToMemory()
    .getFiles()
    .map((f) => ({
      path: toPosix(relative(packageDir, f.filePath)),
      content: f.text.startsWith(header) ? f.text : `${header}${f.text}`,
    }));
  // Hand-written JS (the standalone validators) and its declarations go to dist/ as they are.
  const copied = files
    .filter((f) => f.path.startsWith('src/') && (f.path.endsWith('.js') || f.path.endsWith('.d.ts')))
    .map((f) => ({ path: `dist/${f.path.slice('src/'.length)}`, content: f.content }));
  return [...emitted, ...copied];
}

/** The `@types` folder holding the toolkit's `@types/node`, wherever npm placed it. */
function toolkitTypeRoot(): string {
  return dirname(dirname(createRequire(import.meta.url).resolve('@types/node/package.json')));
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
