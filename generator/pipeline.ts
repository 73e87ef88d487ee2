// The whole pipeline for one spec: load → check → model → emit → (compile) → write.
import { lstat, mkdir, symlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkSpec } from './check/check-spec.ts';
import type { GeneratedFile } from './emitters/contract.ts';
import { codeHeader, RUNTIME_CODE_HEADER } from './emitters/header.ts';
import { emitters } from './emitters/index.ts';
import { RUNTIME_FOLDER, RUNTIME_PACKAGE } from './emitters/naming.ts';
import { runtimePackageSources } from './emitters/runtime/index.ts';
import { loadSpecFile } from './load/load-spec.ts';
import { buildModel } from './model/build-model.ts';
import { checkExamples } from './model/check-examples.ts';
import type { ServiceModel } from './model/types.ts';
import { readXmlExample } from './model/xml-example.ts';
import { type Diagnostic, hasErrors, sortDiagnostics } from './shared/diagnostic.ts';
import { collectWhenDoubled, fullCollection } from './shared/full-collection.ts';
import { toolkitDir } from './shared/toolkit-dir.ts';
import { compilePackage } from './write/compile.ts';
import { typecheckPackage } from './write/typecheck.ts';
import { type WriteReport, writeOutput } from './write/write-output.ts';

export type { WriteReport };

export interface GenerateOptions {
  /** The user's project folder: spec paths are relative to it, and so is the spec named in headers. */
  readonly rootDir: string;
  /** Spec path, absolute or relative to rootDir. */
  readonly spec: string;
  /** Where the package goes; `{package}` in it stands for the spec's `x-acs-service.package`. */
  readonly out: string;
  readonly mode: 'write' | 'check' | 'none';
  /** Write into a folder that holds files the generator did not write (it still never deletes them). */
  readonly force?: boolean;
  /** Typecheck the generated TypeScript in full before writing (slow on large specs). Without it the
   * code is compiled file by file and only syntax errors stop generation: `npm test` typechecks the
   * packages under generated/ and the test fixtures' packages this way. */
  readonly typecheck?: boolean;
  /** Told the name of each stage as it starts, for progress lines. */
  readonly progress?: (stage: GenerateStage) => void;
  /** The toolkit's install folder, where templates and the compiler's type libraries come from. */
  readonly toolkitDir?: string;
}

export type GenerateStage = 'check' | 'emit' | 'typecheck' | 'compile' | 'write';

export interface GenerateResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: ServiceModel;
  readonly packageDir?: string;
  readonly files?: readonly GeneratedFile[];
  readonly report?: WriteReport;
  /** The runtime package the product imports, generated beside it (`<out>/../runtime`). */
  readonly runtime?: {
    readonly dir: string;
    readonly files: readonly GeneratedFile[];
    readonly report?: WriteReport;
  };
}

/** Load, check and model a spec; diagnostics instead of a model when anything is wrong. */
export async function modelSpec(rootDir: string, spec: string): Promise<GenerateResult> {
  const specPath = join(rootDir, spec);
  const specFile = relative(rootDir, specPath).split(sep).join('/');
  const loaded = await loadSpecFile(specFile.startsWith('..') ? specPath : specFile, rootDir);
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const source = { ...loaded.spec, file: specFile };
  // Each stage returns its own diagnostics; the next runs only when there is no error so far.
  const diagnostics: Diagnostic[] = [...(await checkSpec(source))];
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
  const { model, diagnostics: modelled } = buildModel(source, specFile);
  diagnostics.push(...modelled);
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
  // Only the example check may still locate, and only what it finds wrong: the YAML tree goes.
  source.forgetPositions();
  diagnostics.push(...(await checkExamples(source, model, readXmlExample)));
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
  return { diagnostics: sortDiagnostics(diagnostics), model };
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const progress = options.progress ?? (() => {});
  const kit = options.toolkitDir ?? toolkitDir();
  const { modelled, sources } = await modelAndEmit(options, kit, progress);
  const { model } = modelled;
  if (model === undefined || sources === undefined) return modelled;
  // The emitters' working sets are gone: their garbage goes before the compile grows (which collects
  // again whenever its heap doubles, compile.ts).
  fullCollection();
  const packageDir = resolve(options.rootDir, packageOutDir(options.out, model.packageName));
  const runtime = { dir: join(dirname(packageDir), RUNTIME_FOLDER), files: await runtimePackage(kit) };
  // Typechecked as if the package lived inside the toolkit's install, whatever the output folder is,
  // so the compiler finds the dependencies' types there (not in the user's project).
  if (options.typecheck === true) {
    progress('typecheck');
    typecheckPackage(join(kit, 'generated', model.packageName), sources, runtime.files);
  }
  progress('compile');
  const files = sorted([...sources, ...compilePackage(sources, codeHeader(model))]);
  if (options.mode === 'none') return { ...modelled, packageDir, files, runtime };
  progress('write');
  const force = { force: options.force ?? false };
  const report = await writeOutput(packageDir, files, options.mode, force);
  const runtimeReport = await writeOutput(runtime.dir, runtime.files, options.mode, force);
  if (options.mode === 'write' && !report.refused) await linkRuntime(packageDir, runtime.dir);
  return { ...modelled, packageDir, files, report, runtime: { ...runtime, report: runtimeReport } };
}

/** Model the spec and run every emitter; what the emitters build ends with this function. */
async function modelAndEmit(
  options: GenerateOptions,
  kit: string,
  progress: (stage: GenerateStage) => void,
): Promise<{ modelled: GenerateResult; sources?: GeneratedFile[] }> {
  progress('check');
  const modelled = await modelSpec(options.rootDir, options.spec);
  const { model } = modelled;
  if (model === undefined) return { modelled };
  progress('emit');
  const sources: GeneratedFile[] = [];
  for (const emitter of emitters) {
    sources.push(...(await emitter.emit({ model, rootDir: kit })));
    // An emitter's working set (its ts-morph projects, openapi-typescript's tree) is garbage now.
    collectWhenDoubled();
  }
  return { modelled, sources };
}

function sorted(files: GeneratedFile[]): GeneratedFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const compiledRuntimes = new Map<string, Promise<GeneratedFile[]>>();

/** The runtime package's files, compiled once per toolkit folder and process (every spec shares it). */
function runtimePackage(kit: string): Promise<GeneratedFile[]> {
  let files = compiledRuntimes.get(kit);
  if (files === undefined) {
    files = runtimePackageSources(kit).then((sources) =>
      sorted([...sources, ...compilePackage(sources, RUNTIME_CODE_HEADER)]),
    );
    compiledRuntimes.set(kit, files);
  }
  return files;
}

/**
 * What npm workspaces do for the package's dependency on the runtime: a link to the runtime
 * folder in the package's node_modules, so the package runs straight from where it was generated.
 * Anything already at that path (an install of the user's own) is left as it is.
 */
async function linkRuntime(packageDir: string, runtimeDir: string): Promise<void> {
  const link = join(packageDir, 'node_modules', ...RUNTIME_PACKAGE.split('/'));
  const exists = await lstat(link).then(
    () => true,
    () => false,
  );
  if (exists) return;
  await mkdir(dirname(link), { recursive: true });
  await symlink(relative(dirname(link), runtimeDir), link, 'dir');
}

/** `{package}` in an output path stands for the spec's package name. */
export function packageOutDir(out: string, packageName: string): string {
  return out.split(PACKAGE_TOKEN).join(packageName);
}

export const PACKAGE_TOKEN = '{package}';
