// Filter bugs: an optional parameter named like a field of the listed resources narrows the list to
// the items that have that value, several narrow it together, and the list is the region's own
// (spec/README.md, State model; the seed spec/seeds/ecs.yaml fixes which instance is where).
import {
  type Answer,
  type Call,
  errorFor,
  namedIn,
  param,
  rewrite,
  type Variant,
  withParam,
} from './variant.ts';

/** The seed's zones of each region. */
const ZONES: Readonly<Record<string, readonly string[]>> = {
  'cn-hangzhou': ['cn-hangzhou-d', 'cn-hangzhou-h'],
  'cn-shanghai': ['cn-shanghai-e', 'cn-shanghai-f'],
};

/** Validated and looked up as the reference server does, then not applied (so a page token handed
 * out for the unfiltered list serves the filtered one too). */
function notApplied(filter: string, action?: string): (call: Call) => Promise<Answer> {
  return rewrite((answer, call) =>
    (answer.status === 200 || namedIn(answer) === 'NextToken') &&
    param(call, filter) !== undefined &&
    (action === undefined || call.action === action)
      ? call.resign(withParam(call, filter, undefined))
      : answer,
  );
}

function ids(call: Call): string[] {
  return call.params.filter(([k]) => /^InstanceId\.\d+$/.test(k)).map(([, v]) => v);
}

export const FILTER_VARIANTS: readonly Variant[] = [
  {
    name: 'zone-filter-not-applied',
    category: 'filters',
    bug: 'ZoneId is validated and looked up, then not applied: every zone’s instances are listed',
    witness:
      'DescribeInstanceStatus RegionId=cn-hangzhou&ZoneId=cn-hangzhou-d, then ZoneId=cn-hangzhou-h: no instance in both (the filter check needs two zones; --value gives it one)',
    serve: notApplied('ZoneId'),
  },
  {
    name: 'cluster-filter-not-applied',
    category: 'filters',
    bug: 'ClusterId is accepted and not applied: every cluster’s instances are listed',
    witness:
      'DescribeInstanceStatus RegionId=cn-hangzhou&ClusterId=cls-clusterid1: 3 instances (i-hz0025, i-hz0075, i-hz0125), not 137',
    serve: notApplied('ClusterId'),
  },
  {
    name: 'second-filter-dropped',
    category: 'filters',
    bug: 'with ZoneId and ClusterId both given, only ZoneId applies (an if/else-if chain)',
    witness:
      'DescribeInstanceStatus RegionId=cn-hangzhou&ZoneId=cn-hangzhou-h&ClusterId=cls-clusterid1: no instance (cls-clusterid1 is only in cn-hangzhou-d)',
    serve: rewrite((answer, call) =>
      answer.status === 200 && param(call, 'ZoneId') !== undefined && param(call, 'ClusterId') !== undefined
        ? call.resign(withParam(call, 'ClusterId', undefined))
        : answer,
    ),
  },
  {
    name: 'instance-ids-first-only',
    category: 'filters',
    bug: 'InstanceId.N is read as InstanceId.1 only',
    serve: async (call) => {
      const asked = ids(call);
      if (asked.length < 2) return call.forward();
      const rest = call.params.filter(([k]) => !/^InstanceId\.\d+$/.test(k));
      return call.resign([...rest, ['InstanceId.1', asked[0]!]]);
    },
  },
  {
    name: 'unknown-instance-id-refused',
    category: 'filters',
    bug: 'an unknown id among InstanceId.N is an error (404) instead of left out of the list',
    serve: rewrite(async (answer, call) => {
      const asked = new Set(ids(call));
      if (answer.status !== 200 || asked.size === 0) return answer;
      const found = /"InstanceStatus":\[/.test(answer.text)
        ? [...answer.text.matchAll(/"InstanceId":"([^"]+)"/g)].length
        : [...answer.text.matchAll(/<InstanceId>/g)].length;
      return found < asked.size
        ? errorFor(call, 'InvalidInstanceId.NotFound', 404, 'The specified InstanceId does not exist.')
        : answer;
    }),
  },
  {
    name: 'region-ignored',
    category: 'filters',
    bug: 'RegionId is validated, then ignored: every region lists the first region’s instances',
    witness:
      'DescribeInstanceStatus RegionId=cn-shanghai: the 12 instances i-sh0001…i-sh0012 (TotalCount 12), none of cn-hangzhou',
    serve: rewrite((answer, call) =>
      answer.status === 200 && param(call, 'RegionId') === 'cn-shanghai'
        ? call.resign(withParam(call, 'RegionId', 'cn-hangzhou'))
        : answer,
    ),
  },
  {
    name: 'zone-any-case',
    category: 'filters',
    bug: 'ZoneId is matched case-insensitively (CN-HANGZHOU-D lists cn-hangzhou-d)',
    witness: 'DescribeInstanceStatus RegionId=cn-hangzhou&ZoneId=CN-HANGZHOU-D: InvalidZoneId.NotFound',
    serve: rewrite(async (answer, call) => {
      const zone = param(call, 'ZoneId');
      if (answer.status !== 404 || zone === undefined || zone === zone.toLowerCase()) return answer;
      const lower = await call.resign(withParam(call, 'ZoneId', zone.toLowerCase()));
      return lower.status === 200 ? lower : answer;
    }),
  },
  {
    name: 'zone-prefix-match',
    category: 'filters',
    bug: 'ZoneId matches every zone it is a prefix of (ZoneId=cn-hangzhou lists both zones)',
    witness: 'DescribeInstanceStatus RegionId=cn-hangzhou&ZoneId=cn-hangzhou: InvalidZoneId.NotFound',
    serve: rewrite((answer, call) => {
      const zone = param(call, 'ZoneId');
      const zones = ZONES[param(call, 'RegionId') ?? ''] ?? [];
      const matched = zones.filter((z) => zone !== undefined && z !== zone && z.startsWith(zone));
      if (answer.status !== 404 || matched.length === 0) return answer;
      return call.resign(withParam(call, 'ZoneId', matched.length === 1 ? matched[0] : undefined));
    }),
  },
  {
    name: 'disk-status-filter-not-applied',
    category: 'filters',
    bug: 'DescribeDisks accepts Status and does not apply it',
    serve: notApplied('Status', 'DescribeDisks'),
  },
];
