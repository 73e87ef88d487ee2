// The document root of an imported spec: info, and the product's part of `x-acs-service` (its code,
// package, version and endpoints); the protocol's part comes from protocol.yaml.
import type { MetaDocument } from './metadata.ts';
import { clientName, packageName } from './names.ts';
import type { Warn } from './schema.ts';

export interface Endpoints {
  readonly regional: string;
  readonly central: string;
  readonly centralRegions: readonly string[];
}

export function serviceFields(meta: MetaDocument, warn: Warn): Record<string, unknown> {
  const product = meta.info?.product ?? 'Unknown';
  return {
    product,
    package: packageName(product),
    clientName: clientName(product),
    apiVersion: meta.info?.version ?? '',
    protocol: 'rpc',
    endpoints: inferEndpoints(packageName(product), meta.endpoints ?? [], warn),
  };
}

/**
 * The binding's endpoint rules from the metadata's region → host list: the host template most regions
 * follow, the central host, and the regions that use it. A region on any other host is reported.
 */
export function inferEndpoints(
  code: string,
  list: readonly { readonly regionId: string; readonly endpoint: string }[],
  warn: Warn,
): Endpoints {
  const templates = new Map<string, number>();
  const others = new Map<string, number>();
  for (const { regionId, endpoint } of list) {
    if (endpoint.includes(regionId)) {
      const template = endpoint.replace(regionId, '{RegionId}');
      templates.set(template, (templates.get(template) ?? 0) + 1);
    } else others.set(endpoint, (others.get(endpoint) ?? 0) + 1);
  }
  // Alibaba's central host is `<code>.aliyuncs.com`; only a product without it gets the commonest other.
  const central = others.has(`${code}.aliyuncs.com`)
    ? `${code}.aliyuncs.com`
    : (mostCommon(others) ?? `${code}.aliyuncs.com`);
  const regional = mostCommon(templates) ?? `${code}.{RegionId}.aliyuncs.com`;
  if (list.length === 0) warn(`the metadata lists no endpoints; assumed ${regional} and ${central}`);
  const centralRegions: string[] = [];
  for (const { regionId, endpoint } of list) {
    if (endpoint === central) centralRegions.push(regionId);
    else if (endpoint !== regional.replace('{RegionId}', regionId)) {
      warn(
        `region ${regionId} is served at ${endpoint}, which the endpoint rules cannot express ` +
          `(regional ${regional}, central ${central}); calls to it go to ${regional.replace('{RegionId}', regionId)}`,
      );
    }
  }
  return { regional, central, centralRegions: centralRegions.sort() };
}

function mostCommon(counts: ReadonlyMap<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (best === undefined || entry[1] > best[1]) best = entry;
  }
  return best?.[0];
}
