// Start-up of the commands that do not generate (issue 15 item 6): wall time until `serve` listens or
// a command exits, and the process's peak RSS, for the command run from source (tsx, as `npm run`
// does), from the built dist/ (the installed `acs-rpc`; said so when absent: `npm run build`), and the
// generated package's own conformance bin beside them. A "real start" runs the package's suite with
// no check selected: everything loads, nothing is sent. Medians of `rounds` fresh processes.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryPackages } from '../server/packages.ts';
import { startServer } from '../server/start.ts';

const REPO = join(import.meta.dirname, '..');
const PACKAGE = join(REPO, 'generated', 'ecs');
const PEAK = join(import.meta.dirname, 'peak-rss.mjs');

export interface StartupFigure {
  readonly command: string;
  readonly medianMs: number;
  readonly peakRssMb: number;
}

async function once(args: readonly string[], until?: string): Promise<{ ms: number; rssKb: number }> {
  const file = join(tmpdir(), `acs-rpc-peak-${process.pid}.txt`);
  rmSync(file, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PEAK, ...args], {
    cwd: REPO,
    env: { ...process.env, ACS_RPC_PEAK_RSS: file },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let ready: number | undefined;
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (until !== undefined && ready === undefined && out.includes(until)) {
      ready = performance.now();
      child.kill('SIGTERM');
    }
  });
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${out.slice(-500)}`);
  return { ms: (ready ?? performance.now()) - started, rssKb: Number(readFileSync(file, 'utf8').trim()) };
}

export async function measureStartup(rounds = 3): Promise<StartupFigure[]> {
  const server = await startServer(await repositoryPackages());
  const run = ['--endpoint', server.url, '--access-key-id', 'testid', '--access-key-secret', 'testsecret'];
  const noChecks = [...run, '--only', 'no.such.check'];
  const source = ['--import', 'tsx', join(REPO, 'cli', 'run.ts')];
  const dist = join(REPO, 'dist', 'cli', 'run.js');
  const bin = join(PACKAGE, 'bin', 'conformance.js');
  const cases: [string, string[], string?][] = [
    [
      'acs-rpc serve --package (source, tsx)',
      [...source, 'serve', '--package', PACKAGE, '--port', '0'],
      'listening on',
    ],
    ['acs-rpc conformance --help (source, tsx)', [...source, 'conformance', '--help']],
    [
      'acs-rpc conformance --package, no check (source, tsx)',
      [...source, 'conformance', '--package', PACKAGE, ...noChecks],
    ],
    ...(existsSync(dist)
      ? ([
          [
            'acs-rpc serve --package (dist)',
            [dist, 'serve', '--package', PACKAGE, '--port', '0'],
            'listening on',
          ],
          ['acs-rpc conformance --help (dist)', [dist, 'conformance', '--help']],
          [
            'acs-rpc conformance --package, no check (dist)',
            [dist, 'conformance', '--package', PACKAGE, ...noChecks],
          ],
        ] as [string, string[], string?][])
      : []),
    ['package bin: conformance, no check', [bin, ...noChecks]],
  ];
  const figures: StartupFigure[] = [];
  try {
    for (const [command, args, until] of cases) {
      const runs = [];
      for (let r = 0; r < rounds; r++) runs.push(await once(args, until));
      const ms = runs.map((x) => x.ms).sort((a, b) => a - b);
      const rss = runs.map((x) => x.rssKb).sort((a, b) => a - b);
      figures.push({
        command,
        medianMs: ms[ms.length >> 1]!,
        peakRssMb: rss[rss.length >> 1]! / 1024,
      });
    }
  } finally {
    await server.close();
  }
  return figures;
}

if (process.argv[1] === import.meta.filename) {
  const { loadavg } = await import('node:os');
  const figures = await measureStartup(Number(process.env.ROUNDS ?? 3));
  console.log('| command | wall (median) | peak RSS |\n| --- | ---: | ---: |');
  for (const f of figures)
    console.log(`| ${f.command} | ${f.medianMs.toFixed(0)} ms | ${f.peakRssMb.toFixed(0)} MB |`);
  console.log(
    `${existsSync(join(REPO, 'dist')) ? '' : 'dist/ absent (npm run build). '}Load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}.`,
  );
}
