// Time of a full conformance run of the ECS package against the reference server (every check of
// every action), several rounds.
import { conformanceFacts, runChecks } from '@acs-rpc/ecs/conformance';
import { repositoryPackages } from '../server/packages.ts';
import { startServer } from '../server/start.ts';
import { loadSeed, seedValues } from '../server/state/seed.ts';

export interface ConformanceFigure {
  readonly checks: number;
  readonly failures: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/** Rounds of a full run, `concurrency` checks at once (the CLI's default is 4). The server shares this
 * process, so what concurrency overlaps here is waiting, not work: `acs-rpc conformance` against a
 * server in its own process gains more. */
export async function measureConformanceRun(rounds = 3, concurrency = 4): Promise<ConformanceFigure> {
  const times: number[] = [];
  let checks = 0;
  let failures = 0;
  const packages = await repositoryPackages();
  // The seed's regions and zones, as `acs-rpc start` gives them to the suite.
  const values: Record<string, string> = {};
  for (const file of packages.seeds) {
    const seed = await loadSeed(file);
    if (seed.product === conformanceFacts.service.product) Object.assign(values, seedValues(seed));
  }
  for (let i = 0; i < rounds; i++) {
    // A fresh server each round, so nonces and rate limits start clean, as for a first run.
    const server = await startServer(packages);
    const started = performance.now();
    const result = await runChecks(
      conformanceFacts,
      { endpoint: server.url, accessKeyId: 'testid', accessKeySecret: 'testsecret', values },
      { seed: 1, authChecks: true, concurrency },
    );
    times.push(performance.now() - started);
    await server.close();
    checks = result.outcomes.length;
    failures = result.outcomes.filter((o) => o.failure !== undefined).length;
  }
  times.sort((a, b) => a - b);
  return {
    checks,
    failures,
    medianMs: times[Math.floor(times.length / 2)]!,
    minMs: times[0]!,
    maxMs: times[times.length - 1]!,
  };
}

if (process.argv[1] === import.meta.filename) {
  const f = await measureConformanceRun();
  console.log(
    `conformance: ${f.checks} checks, ${f.failures} failed, median ${(f.medianMs / 1000).toFixed(2)} s (min ${(f.minMs / 1000).toFixed(2)}, max ${(f.maxMs / 1000).toFixed(2)})`,
  );
}
