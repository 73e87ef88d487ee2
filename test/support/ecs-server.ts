// The reference server serving the generated ECS package with its default seed, and that seed's
// instances in the shape the ECS tests compare against.
import { fileURLToPath } from 'node:url';
import { conformanceFacts } from '@acs-rpc/ecs/conformance';
import { type RunningServer, type ServerOptions, startServer } from '../../server/start.ts';
import { loadSeed } from '../../server/state/seed.ts';

export const ECS_SEED = fileURLToPath(new URL('../../spec/seeds/ecs.yaml', import.meta.url));

export function startEcsServer(options: Omit<ServerOptions, 'services'> = {}): Promise<RunningServer> {
  return startServer({ services: [conformanceFacts], seeds: [ECS_SEED], ...options });
}

export interface SeededInstance {
  readonly id: string;
  readonly region: string;
  readonly zone: string;
  readonly cluster: string | undefined;
  readonly status: string;
}

export async function seededInstances(): Promise<SeededInstance[]> {
  const seed = await loadSeed(ECS_SEED);
  return (seed.resources.Instance ?? []).map((e) => ({
    id: e.id,
    region: e.attributes.RegionId ?? '',
    zone: e.attributes.ZoneId ?? '',
    cluster: e.attributes.ClusterId,
    status: e.state,
  }));
}
