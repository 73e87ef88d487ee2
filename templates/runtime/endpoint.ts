// Endpoint resolution from the spec's rules (x-acs-rpc endpoints: regional template, central host):
// an explicit URL wins, otherwise the region decides.
import type { EndpointRules } from './descriptors.js';
import { AcsError } from './errors.js';
import { boundedMemo } from './memo.js';

const REGION_ID = /^[a-z0-9-]+$/;

/** Where to send every product's calls (a local server, a proxy, a test double), as AWS SDKs read
 * `AWS_ENDPOINT_URL`; a product's own variable (`ACS_RPC_ENDPOINT_URL_<PRODUCT>`, its code in upper
 * case) wins over it, and a client's `endpoint` over both. */
export const ENV_ENDPOINT_URL = 'ACS_RPC_ENDPOINT_URL';

export function envEndpoint(
  env: Readonly<Record<string, string | undefined>>,
  product: string,
): string | undefined {
  return env[`${ENV_ENDPOINT_URL}_${product.toUpperCase()}`] || env[ENV_ENDPOINT_URL] || undefined;
}

export function resolveEndpoint(
  rules: EndpointRules,
  options: { readonly endpoint?: string | undefined; readonly region?: string | undefined },
): URL {
  if (options.endpoint !== undefined) return explicitEndpoint(options.endpoint);
  const region = options.region;
  if (region === undefined) return new URL(`https://${rules.central}`);
  // The region becomes part of a host name: anything else could point the client at another host.
  if (!REGION_ID.test(region)) {
    throw new AcsError({
      code: 'Client.InvalidRegion',
      message: `region ${JSON.stringify(region)} is not a region id (lowercase letters, digits and hyphens, like cn-hangzhou).`,
    });
  }
  if (rules.centralRegions.includes(region)) return new URL(`https://${rules.central}`);
  return new URL(`https://${rules.regional.replaceAll('{RegionId}', region)}`);
}

/** Regions whose endpoint one resolver keeps: many regions cannot grow it without limit. */
const RESOLVED_LIMIT = 16;

/** resolveEndpoint for one client, each region's URL made once. The URL is shared between calls:
 * hand it only to code that does not change it. An explicit endpoint is the same for every region. */
export function endpointResolver(
  rules: EndpointRules,
  endpoint: string | undefined,
): (region: string | undefined) => URL {
  const resolve = boundedMemo(RESOLVED_LIMIT, (region: string | undefined) =>
    resolveEndpoint(rules, { endpoint, region }),
  );
  return (region) => resolve(endpoint === undefined ? region : undefined);
}

function explicitEndpoint(endpoint: string): URL {
  // Without a scheme, `localhost:8080` would parse as scheme `localhost:`; a bare host means https.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidEndpoint(`endpoint ${JSON.stringify(endpoint)} is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidEndpoint(`endpoint must use http or https, not ${url.protocol}`);
  }
  // fetch refuses URLs with user info; say so here, without repeating what may be a password.
  if (url.username !== '' || url.password !== '') {
    throw invalidEndpoint('endpoint must not contain a user name or password.');
  }
  return url;
}

function invalidEndpoint(message: string): AcsError {
  return new AcsError({ code: 'Client.InvalidEndpoint', message });
}
