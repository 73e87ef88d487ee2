// The whole pipeline for one spec: load → check → model → emit → (compile) → write.
import { join, relative, sep } from 'node:path';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { checkSpec } from './check/check-spec.ts';
import type { GeneratedFile } from './emitters/contract.ts';
import { codeHeader } from './emitters/header.ts';
import { emitters } from './emitters/index.ts';
import { loadSpecFile } from './load/load-spec.ts';
import { buildModel } from './model/build-model.ts';
import { checkExamples } from './model/check-examples.ts';
import type { ServiceModel } from './model/types.ts';
import { createAjv } from './model/validation-schemas.ts';
import { readXmlExample } from './model/xml-example.ts';
import { type Diagnostic, hasErrors, sortDiagnostics } from './shared/diagnostic.ts';
import { compilePackage } from './write/compile.ts';
import { type WriteReport, writeOutput } from './write/write-output.ts';

export interface GenerateOptions {
  readonly rootDir: string;
  /** Spec path, absolute or relative to rootDir. */
  readonly spec: string;
  /** Where packages go; a spec's package lands in `<outRoot>/<x-acs-service.package>`. */
  readonly outRoot: string;
  readonly mode: 'write' | 'check' | 'none';
}

export interface GenerateResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: ServiceModel;
  readonly ajv?: Ajv2020;
  readonly packageDir?: string;
  readonly files?: readonly GeneratedFile[];
  readonly report?: WriteReport;
}

/** Load, check and model a spec; diagnostics instead of a model when anything is wrong. */
export async function modelSpec(rootDir: string, spec: string): Promise<GenerateResult> {
  const specPath = join(rootDir, spec);
  const specFile = relative(rootDir, specPath).split(sep).join('/');
  const loaded = await loadSpecFile(specFile.startsWith('..') ? specPath : specFile);
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const source = { ...loaded.spec, file: specFile };
  // Each stage returns its own diagnostics; the next runs only when there is no error so far.
  const diagnostics: Diagnostic[] = [...(await checkSpec(source))];
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
  const { model, diagnostics: modelled } = buildModel(source, specFile);
  diagnostics.push(...modelled);
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
  const ajv = createAjv(model, { standalone: true });
  diagnostics.push(...(await checkExamples(source, model, ajv, readXmlExample)));
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
  return { diagnostics: sortDiagnostics(diagnostics), model, ajv };
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const modelled = await modelSpec(options.rootDir, options.spec);
  const { model, ajv } = modelled;
  if (model === undefined || ajv === undefined) return modelled;
  const packageDir = join(options.outRoot, model.packageName);
  const sources: GeneratedFile[] = [];
  for (const emitter of emitters)
    sources.push(...(await emitter.emit({ model, rootDir: options.rootDir, ajv })));
  // Compiled where the package lives in this repository, whatever outRoot is, so the compiler finds
  // the dependencies' types and the output does not depend on where it is written.
  const files = [
    ...sources,
    ...compilePackage(join(options.rootDir, 'generated', model.packageName), sources, codeHeader(model)),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (options.mode === 'none') return { ...modelled, packageDir, files };
  const report = await writeOutput(packageDir, files, options.mode);
  return { ...modelled, packageDir, files, report };
}
