// The instance RAM role credential provider (the credential type Alibaba's tools call `ecs_ram_role`):
// the STS token of the role attached to the instance, from its metadata service ("Instance metadata"
// and "Use the instance RAM role" in Alibaba's docs). IMDSv2 first — a session token from `PUT
// /latest/api/token`, sent as a header on each read — and the plain v1 reads when the token cannot be
// had or is refused, unless v1 is disabled: the rules of the official @alicloud/credentials. Requests
// go through the runtime's transport, so this runs wherever fetch does; the reads themselves are in
// credentials-instance-role-fetch.ts, loaded on the first refresh.

import type { CredentialsProvider } from './credentials.js';
import type { Ask } from './credentials-instance-role-fetch.js';
import { refreshingProvider } from './credentials-refresh.js';
import { type Env, isTrue, processEnv } from './env.js';
import { AcsError } from './errors.js';
import type { Fetch } from './transport.js';

export interface InstanceRoleOptions {
  /** The role's name; else `ALIBABA_CLOUD_ECS_METADATA`; else asked of the metadata service. */
  readonly roleName?: string | undefined;
  /** The metadata service; `http://100.100.100.200` (the only address it has on an instance). */
  readonly endpoint?: string | undefined;
  /** Refuse the v1 reads (no session token); also `ALIBABA_CLOUD_IMDSV1_DISABLED=true`. */
  readonly disableImdsV1?: boolean | undefined;
  /** Each request's timeout; 1 s, as the official library: off an instance nothing answers. */
  readonly timeoutMs?: number | undefined;
  readonly fetch?: Fetch | undefined;
  /** Environment variables; `process.env` where there is one. */
  readonly env?: Env | undefined;
  /** Clock in ms, for tests. */
  readonly now?: (() => number) | undefined;
}

export const DEFAULT_METADATA_ENDPOINT = 'http://100.100.100.200';
export const ENV_ECS_METADATA = 'ALIBABA_CLOUD_ECS_METADATA';
export const ENV_ECS_METADATA_DISABLED = 'ALIBABA_CLOUD_ECS_METADATA_DISABLED';
export const ENV_IMDSV1_DISABLED = 'ALIBABA_CLOUD_IMDSV1_DISABLED';

/** A provider of the instance role's credentials, cached until shortly before they expire. */
export function instanceRoleProvider(options: InstanceRoleOptions = {}): CredentialsProvider {
  const env = options.env ?? processEnv();
  const base = metadataBase(options.endpoint ?? DEFAULT_METADATA_ENDPOINT);
  const ask: Ask = {
    base,
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    timeoutMs: options.timeoutMs ?? 1000,
    v1Allowed: !(options.disableImdsV1 ?? isTrue(env[ENV_IMDSV1_DISABLED])),
  };
  const roleName = options.roleName || env[ENV_ECS_METADATA] || undefined;
  // The reads load on the first refresh: a program that only names the provider does not carry them.
  const fetch = async () =>
    (await import('./credentials-instance-role-fetch.js')).fetchRoleCredentials(ask, roleName);
  return refreshingProvider(fetch, { now: options.now });
}

/** The service's base URL, refused at once when it is not an http(s) URL (a typo would otherwise
 * surface on the first call as a network failure). */
function metadataBase(endpoint: string): string {
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {}
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '') {
    throw new AcsError({
      code: 'Client.InvalidEndpoint',
      message:
        'The metadata endpoint must be an http or https URL without user info, like http://100.100.100.200.',
    });
  }
  return endpoint.replace(/\/+$/, '');
}
