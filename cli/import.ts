// `acs-rpc import <api-docs.json> --out spec/<name>.yaml`: Alibaba's metadata → a spec in our format.
// Exit 0 when the spec was written (warnings say what was not mapped), 1 when it has errors, 2 on
// a usage mistake. Never overwrites a file without --force.
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors } from '../generator/shared/diagnostic.ts';

export const IMPORT_USAGE = `Usage: acs-rpc import <api-docs.json> --out <spec.yaml> [--force]

Converts Alibaba Cloud API metadata (api-docs.json) into a spec: OpenAPI 3.1 with the RPC binding.
Everything it cannot map is reported as a warning naming the action and the parameter.
`;

export async function runImport(args: readonly string[]): Promise<number> {
  let parsed: { values: { out?: string; force?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(IMPORT_USAGE);
    return 0;
  }
  const [input] = parsed.positionals;
  if (input === undefined || parsed.values.out === undefined || parsed.positionals.length > 1) {
    process.stderr.write(IMPORT_USAGE);
    return 2;
  }
  const cwd = process.cwd();
  const out = resolve(cwd, parsed.values.out);
  if (!parsed.values.force && (await exists(out))) {
    process.stderr.write(`acs-rpc import: ${relative(cwd, out)} exists; pass --force to replace it.\n`);
    return 1;
  }
  const { importMetadata } = await import('../importer/import-metadata.ts');
  const result = await importMetadata(relative(cwd, resolve(cwd, input)), relative(cwd, out));
  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (result.text === undefined) return 1;
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, result.text);
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  process.stdout.write(`${relative(cwd, out)}: written (${warnings} warning(s)).\n`);
  return hasErrors(result.diagnostics) ? 1 : 0;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
