// `npm start`: the toolkit's main job end to end on the built-in reference server — regenerate,
// serve, check the server against the spec, report, stop.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../generator/pipeline.ts';
import { formatDiagnostic } from '../generator/shared/diagnostic.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function runStart(args: readonly string[]): Promise<number> {
  const result = await generate({
    rootDir: ROOT,
    spec: 'spec/ecs.yaml',
    outRoot: join(ROOT, 'generated'),
    mode: 'write',
  });
  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (result.report === undefined) return 1;
  process.stdout.write(`generated/ecs: ${result.report.changed.length} file(s) changed\n`);
  // Imported only now, so the server and the suite use the package just generated.
  const { startServer } = await import('../server/start.ts');
  const { main } = (await import('@acs-rpc/ecs/conformance')) as {
    main(argv: readonly string[], program: string): Promise<number>;
  };
  const { repositoryPackages } = await import('../server/packages.ts');
  const server = await startServer({ port: 0, ...(await repositoryPackages()) });
  process.stdout.write(`reference server listening on ${server.url} (keys testid/testsecret)\n`);
  try {
    return await main(
      ['--endpoint', server.url, '--access-key-id', 'testid', '--access-key-secret', 'testsecret', ...args],
      'acs-rpc conformance',
    );
  } finally {
    await server.close();
  }
}
