// `acs-rpc serve`: the reference server from the command line. The first line printed is
// `listening on http://HOST:PORT`; SIGINT and SIGTERM stop it cleanly.
import { redactUrl } from '../templates/runtime/redact-request.ts';
import { parseCommand } from './args.ts';
import { EXIT, UsageError } from './exit-codes.ts';
import { COMMAND_HELP } from './help.ts';
import { loadFacts, seedBeside } from './load-package.ts';
import { resolvePackages } from './package-source.ts';

const OPTIONS = {
  spec: { type: 'string' },
  package: { type: 'string' },
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: '127.0.0.1' },
  seed: { type: 'string' },
  credentials: { type: 'string' },
  'access-log': { type: 'boolean' },
  cors: { type: 'string', default: 'loopback' },
  quiet: { type: 'boolean' },
} as const;

export async function runServe(args: readonly string[], cwd: string = process.cwd()): Promise<number> {
  const values = parseCommand(args, OPTIONS);
  if (values.help) {
    process.stdout.write(COMMAND_HELP.serve);
    return EXIT.ok;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(
      `--port must be a port number (0 picks a free one), not ${JSON.stringify(values.port)}`,
    );
  const cors = corsPolicy(values.cors);
  const packages = await resolvePackages(
    { spec: values.spec, package: values.package },
    cwd,
    values.quiet ?? false,
  );
  if (typeof packages === 'number') return packages;
  const services = await Promise.all(packages.map(loadFacts));
  // --seed replaces the seeds found beside the specs.
  const seeds =
    values.seed === undefined
      ? (await Promise.all(packages.map((p) => seedBeside(p.spec, p)))).filter((s) => s !== undefined)
      : [values.seed];
  const { startServer } = await import('../server/start.ts');
  const { loadKeyPairs } = await import('../server/auth/credentials.ts');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      services,
      seeds,
      port,
      host: values.host,
      cors,
      ...(values.credentials === undefined ? {} : { credentials: await loadKeyPairs(values.credentials) }),
      ...(values['access-log']
        ? { accessLog: (line: string) => process.stderr.write(`${redactUrl(line)}\n`) }
        : {}),
    });
  } catch (error) {
    // A seed or credentials file that cannot be read or is refused, a port in use.
    process.stderr.write(`acs-rpc serve: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  // Listening for the signals before saying where it listens: a supervisor that stops it as soon as
  // it reads the line must find the handlers there, not the default (an exit without closing).
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write(`listening on ${server.url}\n`);
  await stopped;
  await server.close();
  return EXIT.ok;
}

/** `--cors loopback` (pages on this machine, the default), `off`, or origins joined by commas. */
function corsPolicy(text: string): 'loopback' | 'off' | string[] {
  if (text === 'loopback' || text === 'off') return text;
  const origins = text.split(',').map((o) => o.trim());
  for (const origin of origins)
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new UsageError(
        `--cors takes loopback, off or origins such as https://app.example, not ${JSON.stringify(origin)}`,
      );
  return origins;
}
