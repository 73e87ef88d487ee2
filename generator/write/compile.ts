// Compiles the generated TypeScript to the package's dist/ (JS + declarations) in memory, one file at a
// time, as `transpileModule` and `transpileDeclaration` would, but parsing and binding each file once
// for both outputs (on a large package the parse is a third of the work). The package's options set
// `isolatedModules` and `isolatedDeclarations`, under which each file's output depends on that file
// alone, so this is byte for byte what a whole-program emit gives, without resolving imports or
// loading type libraries. Syntax errors, and declarations that would need the type checker, stop
// generation; a full typecheck is `typecheckPackage` (typecheck.ts), asked for with `--typecheck`.
// Each declaration file gets its map (`dist/x.d.ts.map` → `src/x.ts`, which the package ships), so
// an editor's "go to definition" lands in the TypeScript source rather than in the declarations.
import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { GeneratedFile } from '../emitters/contract.ts';
import { PACKAGE_COMPILER_OPTIONS } from '../emitters/package/tsconfig.ts';
import { collectWhenDoubled } from '../shared/full-collection.ts';
import { skeletonOf } from './literal-skeleton.ts';

/** `header` is prepended where the compiler dropped it (declaration files keep no leading comment). */
export function compilePackage(files: readonly GeneratedFile[], header: string): GeneratedFile[] {
  const options = transpileOptions();
  const emitted: GeneratedFile[] = [];
  const problems: ts.Diagnostic[] = [];
  for (const file of files) {
    if (!file.path.startsWith('src/') || !file.path.endsWith('.ts') || file.path.endsWith('.d.ts')) continue;
    const base = `dist/${file.path.slice('src/'.length, -'.ts'.length)}`;
    const { js, dts, map, diagnostics } = transpileLiterals(file, options) ?? transpileFile(file, options);
    problems.push(...diagnostics);
    const declarations = withHeader(`${base}.d.ts`, dts, header);
    const linesAdded = declarations.content === dts ? 0 : header.split('\n').length - 1;
    emitted.push(withHeader(`${base}.js`, js, header), declarations);
    // Absent only beside a diagnostic, which stops generation below.
    if (map !== undefined) emitted.push(declarationMap(file.path, declarations.path, map, linesAdded));
    // Each file's syntax trees are garbage once it is emitted: a large package's would pile up.
    collectWhenDoubled();
  }
  if (problems.length > 0) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => '',
      getNewLine: () => '\n',
    };
    throw new Error(`The generated code does not compile:\n${ts.formatDiagnostics(problems, host)}`);
  }
  // Declarations written as such (the validators' schema modules', whose JavaScript the validators
  // emitter puts in dist/ itself) and any JavaScript under src/ go to dist/ as they are.
  const copied = files
    .filter((f) => f.path.startsWith('src/') && (f.path.endsWith('.js') || f.path.endsWith('.d.ts')))
    .map((f) => ({ path: `dist/${f.path.slice('src/'.length)}`, content: f.content }));
  return [...emitted, ...copied];
}

/** The package's options for one file at a time: as ES modules, because the package is
 * `"type": "module"`, which is what NodeNext reads from its package.json (a lone file cannot look that
 * up); without rootDir and outDir, since the output paths are set here; with what `transpileModule`
 * sets (no imports resolved, no type library, no typecheck) and declarations as `transpileDeclaration`
 * makes them. */
function transpileOptions(): ts.CompilerOptions {
  const { options, errors } = ts.convertCompilerOptionsFromJson(PACKAGE_COMPILER_OPTIONS, '/');
  if (errors.length > 0)
    throw new Error(`Bad package compiler options: ${errors.map((e) => e.messageText).join('; ')}`);
  const esm: ts.CompilerOptions = {
    ...options,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    isolatedModules: true,
    noResolve: true,
    noLib: true,
    noCheck: true,
    suppressOutputPathCheck: true,
    allowNonTsExtensions: true,
    declaration: true,
    declarationMap: true,
    isolatedDeclarations: true,
  };
  for (const key of ['rootDir', 'outDir', 'lib', 'types'] as const) delete esm[key];
  return esm;
}

/** The compiler's map of one declaration file, made relative to where both files lie in the package
 * (it names the source as if beside the output) and moved down past a header `withHeader` put in
 * front of the compiler's text: each `;` of `mappings` is one generated line, and an empty line
 * holds no segment, so the relative offsets of the rest stand as they are. No absolute path, no
 * date: regenerating gives the same bytes on any machine. */
function declarationMap(
  source: string,
  declarations: string,
  mapText: string,
  linesAdded: number,
): GeneratedFile {
  const compiled = JSON.parse(mapText) as { mappings: string };
  const map = {
    ...compiled,
    file: posix.basename(declarations),
    sources: [posix.relative(posix.dirname(declarations), source)],
    mappings: `${';'.repeat(linesAdded)}${compiled.mappings}`,
  };
  return { path: `${declarations}.map`, content: JSON.stringify(map) };
}

/** A file with known literals compiled without them (literal-skeleton.ts); undefined when it has none,
 * or when the compiler's output is not as that expects (then the whole file is compiled). */
function transpileLiterals(file: GeneratedFile, options: ts.CompilerOptions): Transpiled | undefined {
  const skeleton = skeletonOf(file);
  if (skeleton === undefined) return undefined;
  const compiled = transpileFile(skeleton.file, options);
  const js = skeleton.restore(compiled.js, compiled.dts);
  return js === undefined || compiled.diagnostics.length > 0 ? undefined : { ...compiled, js };
}

interface Transpiled {
  readonly js: string;
  readonly dts: string;
  readonly map: string | undefined;
  readonly diagnostics: readonly ts.Diagnostic[];
}

/** One file's JavaScript and declarations from one parse, with its syntax and declaration errors. */
function transpileFile(file: GeneratedFile, options: ts.CompilerOptions): Transpiled {
  const source = ts.createSourceFile(file.path, file.content, {
    languageVersion: options.target ?? ts.ScriptTarget.ES2022,
  });
  const out = new Map<string, string>();
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === file.path ? source : undefined),
    writeFile: (name, text) =>
      out.set(name.endsWith('.d.ts.map') ? 'map' : name.endsWith('.d.ts') ? 'dts' : 'js', text),
    getDefaultLibFileName: () => 'lib.d.ts',
    useCaseSensitiveFileNames: () => true,
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => '',
    getNewLine: () => '\n',
    fileExists: (name) => name === file.path,
    readFile: () => '',
    directoryExists: () => true,
    getDirectories: () => [],
  };
  const program = ts.createProgram([file.path], options, host);
  const emitted = program.emit();
  const diagnostics = [...program.getSyntacticDiagnostics(source), ...emitted.diagnostics];
  // Declarations are not written when they have errors: those errors stop generation (the caller).
  const js = out.get('js');
  const dts = out.get('dts');
  if ((js === undefined || dts === undefined) && diagnostics.length === 0)
    throw new Error(`The compiler emitted nothing for ${file.path}`);
  return { js: js ?? '', dts: dts ?? '', map: out.get('map'), diagnostics };
}

function withHeader(path: string, text: string, header: string): GeneratedFile {
  return { path, content: text.startsWith(header) ? text : `${header}${text}` };
}
