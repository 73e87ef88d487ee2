// `npm start` / `acs-rpc start`: the toolkit's main job end to end on the built-in reference server,
// for every spec of acs-rpc.config.json — regenerate, serve, check the server against the spec,
// report, stop.
import { relative } from 'node:path';
import { wantsHelp } from './args.ts';
import { loadConfig } from './config.ts';
import { EXIT, UsageError } from './exit-codes.ts';
import { COMMAND_HELP } from './help.ts';
import { loadConformance, loadFacts, seedBeside } from './load-package.ts';
import { type GeneratedPackage, resolvePackage } from './package-source.ts';
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
  const { formatDiagnostic } = await import('../generator/shared/diagnostic.ts');
  const packages: GeneratedPackage[] = [];
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
    process.stdout.write(
      `${relative(cwd, result.packageDir)}: ${result.report.changed.length} file(s) changed\n`,
    );
    const pkg = await resolvePackage({ package: result.packageDir }, cwd, true);
    if (typeof pkg === 'number') failed = true;
    else packages.push({ ...pkg, spec: target.spec });
  }
  if (packages.length > 0 && (await checkAgainstReferenceServer(packages, args)) !== EXIT.ok) failed = true;
  return failed ? EXIT.failed : EXIT.ok;
}

/** One reference server serving every package; each package's suite runs against it in turn. */
async function checkAgainstReferenceServer(
  packages: readonly GeneratedPackage[],
  args: readonly string[],
): Promise<number> {
  const { startServer } = await import('../server/start.ts');
  const { loadSeed, seedValues } = await import('../server/state/seed.ts');
  const seedFiles = await Promise.all(packages.map((p) => seedBeside(p.spec, p)));
  const server = await startServer({
    port: 0,
    services: await Promise.all(packages.map(loadFacts)),
    seeds: seedFiles.filter((s) => s !== undefined),
  });
  process.stdout.write(`reference server listening on ${server.url} (keys testid/testsecret)\n`);
  let code: number = EXIT.ok;
  try {
    for (const [i, pkg] of packages.entries()) {
      process.stdout.write(`\n${pkg.name}\n`);
      const { main } = await loadConformance(pkg);
      // The seed's regions and zones, where the spec's examples name others the server rightly refuses;
      // the command line's own --value and --region come after, and win.
      const seed = seedFiles[i];
      const values = seed === undefined ? {} : seedValues(await loadSeed(seed));
      const result = await main(
        [
          '--endpoint',
          server.url,
          '--access-key-id',
          'testid',
          '--access-key-secret',
          'testsecret',
          ...Object.entries(values).flatMap(([name, value]) => ['--value', `${name}=${value}`]),
          ...args,
        ],
        'acs-rpc conformance',
      );
      if (result !== EXIT.ok) code = result;
    }
    return code;
  } finally {
    await server.close();
  }
}
