// The `acs-rpc` command. Subcommands: generate (more come with the server and conformance suite).
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from '../generator/pipeline.ts';
import { formatDiagnostic } from '../generator/shared/diagnostic.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: acs-rpc <command> [options]

Commands:
  generate [--check] [--spec FILE]... [--out DIR]
      Generate a package per spec (default: every spec/*.yaml) into DIR (default: generated/).
      --check writes nothing and exits 1 when generated/ differs from what the specs yield.
  start
      Regenerate, start the reference server on a free port, run the conformance suite against
      it, print the report and stop the server (what \`npm start\` does).
  conformance --endpoint URL --access-key-id ID --access-key-secret SECRET [--region ID]
      [--junit FILE] [--only PATTERN] [--shard I/N] [--seed N] [--no-auth-checks] [--service ecs]
      Check any server against the spec; the last line printed is \`N passed, N failed\`.
  import <api-docs.json> --out <spec.yaml> [--force]
      Convert Alibaba Cloud API metadata into a spec (see importer/).
  serve [--port 8080] [--host 127.0.0.1] [--seed FILE] [--credentials FILE] [--access-log]
      Start the reference server for every generated package (keys testid/testsecret; server/README.md).
`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'generate') return runGenerate(rest);
  if (command === 'serve') return (await import('../server/cli.ts')).runServe(rest);
  if (command === 'conformance') return runConformance(rest);
  if (command === 'start') return (await import('./start.ts')).runStart(rest);
  if (command === 'import') return (await import('./import.ts')).runImport(rest);
  process.stderr.write(
    command === undefined || command === '--help' ? USAGE : `Unknown command "${command}".\n\n${USAGE}`,
  );
  return command === '--help' ? 0 : 2;
}

async function runGenerate(args: readonly string[]): Promise<number> {
  let values: { check?: boolean; spec?: string[]; out?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        check: { type: 'boolean' },
        spec: { type: 'string', multiple: true },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const cwd = process.cwd();
  const specs = values.spec?.map((s) => relative(ROOT, resolve(cwd, s))) ?? (await defaultSpecs());
  const outRoot = values.out === undefined ? join(ROOT, 'generated') : resolve(cwd, values.out);
  let failed = false;
  for (const spec of specs) {
    const result = await generate({ rootDir: ROOT, spec, outRoot, mode: values.check ? 'check' : 'write' });
    for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (result.report === undefined) {
      failed = true;
      continue;
    }
    const where = relative(cwd, result.packageDir ?? outRoot) || '.';
    const stale = [...result.report.changed, ...result.report.extra];
    if (values.check && stale.length > 0) {
      failed = true;
      process.stderr.write(
        `${where} is stale (run \`npm run generate\`):\n${stale.map((f) => `  ${f}\n`).join('')}`,
      );
    } else if (values.check) {
      process.stdout.write(`${where} is up to date with ${spec}.\n`);
    } else {
      process.stdout.write(
        `${where}: ${result.report.changed.length} file(s) written, ${result.report.extra.length} removed.\n`,
      );
    }
  }
  return failed ? 1 : 0;
}

async function defaultSpecs(): Promise<string[]> {
  const names = await readdir(join(ROOT, 'spec'));
  return names
    .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
    .sort()
    .map((n) => `spec/${n}`);
}

/** Delegates to the generated package's runner, so the toolkit and the package run the same suite. */
async function runConformance(args: readonly string[]): Promise<number> {
  const i = args.indexOf('--service');
  const service = i >= 0 ? args[i + 1] : 'ecs';
  const rest = i >= 0 ? [...args.slice(0, i), ...args.slice(i + 2)] : args;
  const entry = (await import(`@acs-rpc/${service}/conformance`)) as {
    main(argv: readonly string[], program: string): Promise<number>;
  };
  return entry.main(rest, 'acs-rpc conformance');
}
