// Endpoint resolution from the spec's rules: an explicit URL wins, otherwise the region decides.
import type { EndpointRules } from './descriptors.js';
import { AcsError } from './errors.js';

export function resolveEndpoint(
  rules: EndpointRules,
  options: { endpoint?: string | undefined; region?: string | undefined },
): URL {
  if (options.endpoint !== undefined) return explicitEndpoint(options.endpoint);
  const region = options.region;
  if (region === undefined) return new URL(`https://${rules.central}`);
  if (!/^[a-z0-9-]+$/.test(region)) {
    throw new AcsError({
      code: 'Client.InvalidRegion',
      message: `region ${JSON.stringify(region)} is not a region id.`,
    });
  }
  if (rules.centralRegions.includes(region)) return new URL(`https://${rules.central}`);
  return new URL(`https://${rules.regional.replace('{RegionId}', region)}`);
}

function explicitEndpoint(endpoint: string): URL {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AcsError({
      code: 'Client.InvalidEndpoint',
      message: `endpoint ${JSON.stringify(endpoint)} is not a URL.`,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AcsError({
      code: 'Client.InvalidEndpoint',
      message: `endpoint must use http or https, not ${url.protocol}`,
    });
  }
  return url;
}
