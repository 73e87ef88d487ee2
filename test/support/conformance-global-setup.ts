// For the generated vitest conformance suites (generated/*/conformance/*.test.ts): one reference
// server for the run, serving every generated package with its seed, named to the suites through the
// environment they read.
import { repositoryPackages } from '../../server/packages.ts';
import { startServer } from '../../server/start.ts';
import { loadSeed, seedValues } from '../../server/state/seed.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const packages = await repositoryPackages();
  const server = await startServer(packages);
  // Each seeded product's suite names the seed's regions and zones (as `acs-rpc start` does).
  const values: Record<string, Record<string, string>> = {};
  for (const file of packages.seeds) {
    const seed = await loadSeed(file);
    values[seed.product] = seedValues(seed);
  }
  process.env.ACS_RPC_VALUES = JSON.stringify(values);
  process.env.ACS_RPC_ENDPOINT = server.url;
  process.env.ACS_RPC_ACCESS_KEY_ID = 'testid';
  process.env.ACS_RPC_ACCESS_KEY_SECRET = 'testsecret';
  return () => server.close();
}
