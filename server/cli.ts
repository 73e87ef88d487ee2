// `acs-rpc serve`: the reference server from the command line. The first line printed is
// `listening on http://HOST:PORT`; SIGINT and SIGTERM stop it cleanly.
import { parseArgs } from 'node:util';
import { redactUrl } from '../templates/runtime/redact.ts';
import { loadKeyPairs } from './auth/credentials.ts';
import { repositoryPackages } from './packages.ts';
import { type RunningServer, startServer } from './start.ts';
import { loadSeed, type Seed } from './state/seed.ts';

const USAGE =
  'Usage: acs-rpc serve [--port 8080] [--host 127.0.0.1] [--seed FILE] [--credentials FILE] [--access-log]';

export async function runServe(args: readonly string[]): Promise<number> {
  let values: { port?: string; host?: string; seed?: string; credentials?: string; 'access-log'?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string' },
        credentials: { type: 'string' },
        'access-log': { type: 'boolean' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      `--port must be a port number (0 picks a free one), not ${JSON.stringify(values.port)}\n`,
    );
    return 2;
  }
  let server: RunningServer;
  try {
    const { services, seeds } = await repositoryPackages();
    server = await startServer({
      services,
      seeds: await withSeed(seeds, values.seed),
      port,
      host: values.host ?? '127.0.0.1',
      ...(values.credentials === undefined ? {} : { credentials: await loadKeyPairs(values.credentials) }),
      ...(values['access-log']
        ? { accessLog: (line: string) => process.stderr.write(`${redactUrl(line)}\n`) }
        : {}),
    });
  } catch (error) {
    // A seed or credentials file that cannot be read or is refused, a port in use.
    process.stderr.write(`acs-rpc serve: ${(error as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`listening on ${server.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}

/** The repository's seeds, the one given by --seed replacing its product's. */
async function withSeed(files: readonly string[], given: string | undefined): Promise<Seed[]> {
  const seeds = await Promise.all(files.map((f) => loadSeed(f)));
  if (given === undefined) return seeds;
  const seed = await loadSeed(given);
  return [...seeds.filter((s) => s.product !== seed.product), seed];
}
