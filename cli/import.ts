// `acs-rpc import <api-docs.json> --out spec/<name>.yaml`: Alibaba's metadata → a spec in our format.
// Exit 0 when the spec was written (warnings say what was not mapped), 1 when it has errors, 2 on
// a usage mistake (cli/exit-codes.ts). Never overwrites a file without --force.
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors } from '../generator/shared/diagnostic.ts';
import { EXIT, UsageError } from './exit-codes.ts';
import { COMMAND_HELP } from './help.ts';

export async function runImport(args: readonly string[]): Promise<number> {
  let parsed: { values: { out?: string; force?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(COMMAND_HELP.import);
    return EXIT.ok;
  }
  const [input] = parsed.positionals;
  if (input === undefined || parsed.values.out === undefined || parsed.positionals.length > 1)
    throw new UsageError('Name one api-docs.json file and --out FILE.');
  const cwd = process.cwd();
  const out = resolve(cwd, parsed.values.out);
  if (!parsed.values.force && (await exists(out))) {
    process.stderr.write(`acs-rpc import: ${relative(cwd, out)} exists; pass --force to replace it.\n`);
    return EXIT.failed;
  }
  const { importMetadata } = await import('../importer/import-metadata.ts');
  const result = await importMetadata(relative(cwd, resolve(cwd, input)), relative(cwd, out));
  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (result.text === undefined) return EXIT.failed;
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, result.text);
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  process.stdout.write(`${relative(cwd, out)}: written (${warnings} warning(s)).\n`);
  return hasErrors(result.diagnostics) ? EXIT.failed : EXIT.ok;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
