// `acs-rpc import`: Alibaba's metadata → a spec in our format. With a file and --out, that one; with
// neither, every `imports` entry of acs-rpc.config.json (`--check`: write nothing, exit 1 when an
// imported spec differs from what its metadata yields). Exit 0 when written (warnings say what was
// not mapped), 1 on errors or drift, 2 on a usage mistake (cli/exit-codes.ts). Never replaces a file
// it did not write without --force: an imported spec starts with the header below.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Diagnostic, formatDiagnostic, hasErrors } from '../generator/shared/diagnostic.ts';
import { loadConfig } from './config.ts';
import { EXIT, UsageError } from './exit-codes.ts';
import { COMMAND_HELP } from './help.ts';

/** The first line of every imported spec: how it was made, and where curated changes go. */
export const IMPORT_HEADER =
  '# Written by `acs-rpc import` from Alibaba Cloud API metadata: regenerate it, do not edit it.\n' +
  '# Curated changes go in a spec that names this one as its x-acs-base.\n';

interface Options {
  readonly out?: string;
  readonly force?: boolean;
  readonly check?: boolean;
  readonly quiet?: boolean;
  readonly help?: boolean;
}

export async function runImport(args: readonly string[], cwd: string = process.cwd()): Promise<number> {
  let parsed: { values: Options; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean' },
        check: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(COMMAND_HELP.import);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('Name one api-docs.json file (and --out FILE).');
  const [input] = positionals;
  if (input === undefined && values.out !== undefined)
    throw new UsageError('--out needs the api-docs.json file to import.');
  if (input !== undefined && values.out === undefined)
    throw new UsageError('Name the spec to write with --out FILE.');
  const jobs =
    input !== undefined
      ? [{ metadata: resolve(cwd, input), out: resolve(cwd, values.out!) }]
      : await configImports(cwd);
  let code: number = EXIT.ok;
  for (const job of jobs) {
    const result = await importOne(job, values, cwd);
    if (result !== EXIT.ok) code = result;
  }
  return code;
}

async function configImports(cwd: string) {
  const config = await loadConfig(cwd);
  if (config === undefined || config.imports.length === 0)
    throw new UsageError(
      'Name an api-docs.json file and --out FILE, or list "imports" in acs-rpc.config.json.',
    );
  return config.imports;
}

async function importOne(
  job: { readonly metadata: string; readonly out: string },
  options: Options,
  cwd: string,
): Promise<number> {
  const shown = relative(cwd, job.out);
  const existing = await readFile(job.out, 'utf8').catch(() => undefined);
  if (!options.check && !options.force && existing !== undefined && !existing.startsWith(IMPORT_HEADER)) {
    process.stderr.write(
      `acs-rpc import: ${shown} exists and was not written by it; pass --force to replace it.\n`,
    );
    return EXIT.failed;
  }
  const { importMetadata } = await import('../importer/import-metadata.ts');
  // Named from the process's folder, where the importer reads it (the same folder on the command line).
  const result = await importMetadata(relative(process.cwd(), job.metadata), shown);
  const shownDiagnostics = options.quiet ? result.diagnostics.filter(isError) : result.diagnostics;
  for (const d of shownDiagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (result.text === undefined) return EXIT.failed;
  const text = IMPORT_HEADER + result.text;
  if (options.check) {
    if (existing === text) return EXIT.ok;
    process.stderr.write(
      `${shown} is ${existing === undefined ? 'missing' : 'stale'}: run acs-rpc import (npm run import).\n`,
    );
    return EXIT.failed;
  }
  if (existing !== text) {
    await mkdir(dirname(job.out), { recursive: true });
    await writeFile(job.out, text);
  }
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  process.stdout.write(
    `${shown}: ${existing === text ? 'up to date' : 'written'} (${warnings} warning(s)).\n`,
  );
  return hasErrors(result.diagnostics) ? EXIT.failed : EXIT.ok;
}

function isError(d: Diagnostic): boolean {
  return d.severity === 'error';
}
