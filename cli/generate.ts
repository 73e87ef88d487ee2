// `acs-rpc generate`: a package per spec, from --spec or from acs-rpc.config.json.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { WriteReport } from '../generator/pipeline.ts';
import { toolkitDir } from '../generator/shared/toolkit-dir.ts';
import { parseCommand } from './args.ts';
import { DEFAULT_OUT, loadConfig, type SpecTarget } from './config.ts';
import { EXIT, UsageError } from './exit-codes.ts';
import { forget, recordFile, remember, unchangedSince } from './generate-skip.ts';
import { COMMAND_HELP } from './help.ts';
import { inputsKey } from './inputs-key.ts';
import { progressTo } from './progress.ts';

const OPTIONS = {
  spec: { type: 'string', multiple: true },
  out: { type: 'string' },
  check: { type: 'boolean' },
  force: { type: 'boolean' },
  rebuild: { type: 'boolean' },
  typecheck: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

/** How many foreign files a refusal names before saying how many more there are. */
const SHOWN_FOREIGN = 5;

export async function runGenerate(args: readonly string[], cwd: string = process.cwd()): Promise<number> {
  const values = parseCommand(args, OPTIONS);
  if (values.help) {
    process.stdout.write(COMMAND_HELP.generate);
    return EXIT.ok;
  }
  const { root, targets } = await chooseTargets(values.spec, values.out, cwd);
  const kit = toolkitDir();
  // A write of a package nothing changed since is skipped; a check or a typecheck always does the work.
  const skippable = !values.typecheck && !values.rebuild;
  let failed = false;
  const runtimes = new Set<string>();
  for (const target of targets) {
    const spec = relative(root, target.spec);
    // Taken before generating: a spec edited meanwhile is never recorded as generated. A check
    // records nothing and never skips, so it needs no key.
    const key = values.check ? undefined : await inputsKey(target.spec, kit);
    const recordAt = recordFile(kit, target.spec, target.out);
    if (skippable && key !== undefined) {
      const last = await unchangedSince(recordAt, key);
      if (last !== undefined) {
        for (const line of last.diagnostics) process.stderr.write(`${line}\n`);
        const where = relative(cwd, last.dirs[0]?.dir ?? '.') || '.';
        process.stdout.write(
          `${where} is up to date with ${spec} (unchanged since generated; --rebuild forces).\n`,
        );
        continue;
      }
    }
    if (key !== undefined) await forget(recordAt);
    // Loaded only when some package is generated: a run that skips them all stays quick.
    const { generate } = await import('../generator/pipeline.ts');
    const { formatDiagnostic } = await import('../generator/shared/diagnostic.ts');
    const result = await generate({
      rootDir: root,
      spec,
      out: target.out,
      mode: values.check ? 'check' : 'write',
      force: values.force ?? false,
      typecheck: values.typecheck ?? false,
      ...(values.quiet ? {} : { progress: progressTo(spec) }),
    }).catch((error: Error) => {
      // A manifest someone else wrote or damaged: say so, touch nothing.
      if (error.name !== 'ManifestError') throw error;
      process.stderr.write(`${error.message} Nothing was written.\n`);
      return undefined;
    });
    if (result === undefined) {
      failed = true;
      continue;
    }
    const diagnostics = result.diagnostics.map(formatDiagnostic);
    for (const line of diagnostics) process.stderr.write(`${line}\n`);
    const check = values.check ?? false;
    if (!report(result.report, result.packageDir, spec, cwd, check)) failed = true;
    else if (
      key !== undefined &&
      result.packageDir !== undefined &&
      result.runtime?.report?.refused === false
    )
      await remember(recordAt, {
        key,
        dirs: [result.packageDir, result.runtime.dir],
        links: [
          join(result.packageDir, 'node_modules', ...(await packageName(result.runtime.dir)).split('/')),
        ],
        diagnostics,
      });
    // The runtime package beside the products: said once, though every spec writes or checks it.
    const runtime = result.runtime;
    if (runtime?.report !== undefined && !runtimes.has(runtime.dir)) {
      runtimes.add(runtime.dir);
      if (!report(runtime.report, runtime.dir, 'the runtime templates', cwd, check)) failed = true;
    }
  }
  return failed ? EXIT.failed : EXIT.ok;
}

/** The specs named on the command line, else the config's; paths resolved against `cwd`. */
async function chooseTargets(
  specs: readonly string[] | undefined,
  out: string | undefined,
  cwd: string,
): Promise<{ root: string; targets: SpecTarget[] }> {
  if (specs !== undefined) {
    if (specs.length > 1 && out !== undefined && !out.includes('{package}'))
      throw new UsageError('With several --spec, --out needs {package} (e.g. --out gen/{package}).');
    const outDir = resolve(cwd, out ?? DEFAULT_OUT);
    return { root: cwd, targets: specs.map((spec) => ({ spec: resolve(cwd, spec), out: outDir })) };
  }
  const config = await loadConfig(cwd);
  if (config === undefined)
    throw new UsageError('No spec: pass --spec FILE, or write acs-rpc.config.json (see acs-rpc --help).');
  const root = dirname(config.file);
  if (out === undefined) return { root, targets: [...config.targets] };
  if (config.targets.length > 1 && !out.includes('{package}'))
    throw new UsageError(`${config.file} names several specs; --out needs {package}.`);
  return { root, targets: config.targets.map((t) => ({ spec: t.spec, out: resolve(cwd, out) })) };
}

/** Prints what happened to one package folder; false when it failed. */
function report(
  written: WriteReport | undefined,
  dir: string | undefined,
  source: string,
  cwd: string,
  check: boolean,
): boolean {
  const where = relative(cwd, dir ?? '.') || '.';
  if (written === undefined) return false;
  const stale = [...written.changed, ...written.extra];
  if (check) {
    if (stale.length > 0)
      process.stderr.write(`${where} is stale (run \`acs-rpc generate\`):\n${list(stale)}`);
    if (written.refused)
      process.stderr.write(`${where} holds files acs-rpc did not write:\n${list(written.foreign)}`);
    if (stale.length > 0 || written.refused) return false;
    process.stdout.write(`${where} is up to date with ${source}.\n`);
    return true;
  }
  if (written.refused) {
    const shown = written.foreign.slice(0, SHOWN_FOREIGN).join(', ');
    const more =
      written.foreign.length > SHOWN_FOREIGN ? ` and ${written.foreign.length - SHOWN_FOREIGN} more` : '';
    process.stderr.write(
      `${where} holds files acs-rpc did not write: ${shown}${more}. Nothing was written there.\n` +
        '  Choose an empty folder with --out, or pass --force to write beside them (they are never removed).\n',
    );
    return false;
  }
  process.stdout.write(
    `${where}: ${written.changed.length} file(s) written, ${written.extra.length} removed.\n`,
  );
  return true;
}

function list(paths: readonly string[]): string {
  return paths.map((p) => `  ${p}\n`).join('');
}

/** The npm name in a folder's package.json. */
async function packageName(dir: string): Promise<string> {
  return (JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name: string }).name;
}
