// `npm start` / `acs-rpc start`: the toolkit's main job end to end on the built-in reference server,
// for every spec of acs-rpc.config.json — regenerate, serve, check the server against the spec,
// report, stop.
import { relative } from 'node:path';
import { wantsHelp } from './args.ts';
import { bindServerPackage, loadConformance } from './bind-package.ts';
import { loadConfig } from './config.ts';
import { EXIT, UsageError } from './exit-codes.ts';
import { COMMAND_HELP } from './help.ts';
import { resolvePackage } from './package-source.ts';
import { progressTo } from './progress.ts';

export async function runStart(args: readonly string[], cwd: string = process.cwd()): Promise<number> {
  if (wantsHelp(args)) {
    process.stdout.write(COMMAND_HELP.start);
    return EXIT.ok;
  }
  const config = await loadConfig(cwd);
  if (config === undefined)
    throw new UsageError('acs-rpc start needs acs-rpc.config.json (see acs-rpc --help).');
  const { generate } = await import('../generator/pipeline.ts');
  const { formatDiagnostic } = await import('../generator/check/diagnostic.ts');
  let failed = false;
  for (const target of config.targets) {
    const spec = relative(cwd, target.spec);
    const result = await generate({
      rootDir: cwd,
      spec,
      out: target.out,
      mode: 'write',
      progress: progressTo(spec),
    });
    for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (result.report === undefined || result.report.refused || result.packageDir === undefined) {
      if (result.report?.refused)
        process.stderr.write(
          `${relative(cwd, result.packageDir ?? '.')} holds files acs-rpc did not write.\n`,
        );
      failed = true;
      continue;
    }
    const where = relative(cwd, result.packageDir);
    process.stdout.write(`${where}: ${result.report.changed.length} file(s) changed\n`);
    const pkg = await resolvePackage({ package: result.packageDir }, cwd, true);
    if (typeof pkg === 'number' || (await checkAgainstReferenceServer(pkg, args)) !== EXIT.ok) failed = true;
  }
  return failed ? EXIT.failed : EXIT.ok;
}

async function checkAgainstReferenceServer(
  pkg: Exclude<Awaited<ReturnType<typeof resolvePackage>>, number>,
  args: readonly string[],
): Promise<number> {
  bindServerPackage(pkg);
  // Imported only now, so the server and the suite use the package just generated.
  const { startServer } = await import('../server/start.ts');
  const { main } = await loadConformance(pkg);
  const server = await startServer({ port: 0 });
  process.stdout.write(
    `reference server for ${pkg.name} listening on ${server.url} (keys testid/testsecret)\n`,
  );
  try {
    return await main(
      ['--endpoint', server.url, '--access-key-id', 'testid', '--access-key-secret', 'testsecret', ...args],
      'acs-rpc conformance',
    );
  } finally {
    await server.close();
  }
}
