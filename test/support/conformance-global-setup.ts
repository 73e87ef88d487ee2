// For the generated vitest conformance suites (generated/*/conformance/*.test.ts): one reference
// server for the run, serving every generated package with its seed, named to the suites through the
// environment they read.
import { repositoryPackages } from '../../server/packages.ts';
import { startServer } from '../../server/start.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const server = await startServer(await repositoryPackages());
  process.env.ACS_RPC_ENDPOINT = server.url;
  process.env.ACS_RPC_ACCESS_KEY_ID = 'testid';
  process.env.ACS_RPC_ACCESS_KEY_SECRET = 'testsecret';
  return () => server.close();
}
