// For the generated vitest conformance suite (generated/*/conformance/*.test.ts): a reference server
// for the run, named to the suite through the environment it reads.
import { startEcsServer } from './ecs-server.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const server = await startEcsServer();
  process.env.ACS_RPC_ENDPOINT = server.url;
  process.env.ACS_RPC_ACCESS_KEY_ID = 'testid';
  process.env.ACS_RPC_ACCESS_KEY_SECRET = 'testsecret';
  return () => server.close();
}
