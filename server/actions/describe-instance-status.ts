// DescribeInstanceStatus over the inventory: filters, a stable order, pages.
import type { DescribeInstanceStatusRequest, DescribeInstanceStatusResponse } from '@acs-rpc/ecs';
import { ServerError } from '../protocol/server-error.ts';
import type { Inventory } from '../state/inventory.ts';

export function describeInstanceStatus(
  params: DescribeInstanceStatusRequest,
  inventory: Inventory,
): Omit<DescribeInstanceStatusResponse, 'RequestId'> {
  const region = inventory.region(params.RegionId);
  if (region === undefined) throw new ServerError('InvalidRegionId.NotFound', 'RegionId');
  if (params.ZoneId !== undefined && !region.zones.includes(params.ZoneId))
    throw new ServerError('InvalidZoneId.NotFound', 'ZoneId');
  const ids = params.InstanceId === undefined ? undefined : new Set(params.InstanceId);
  const matching = inventory
    .instances(region.id)
    .filter(
      (i) =>
        (params.ZoneId === undefined || i.zone === params.ZoneId) &&
        (params.ClusterId === undefined || i.cluster === params.ClusterId) &&
        (ids === undefined || ids.has(i.id)),
    );
  const pageNumber = params.PageNumber ?? 1;
  const pageSize = params.PageSize ?? 10;
  const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    TotalCount: matching.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
    InstanceStatuses: {
      InstanceStatus: page.map((i) => ({
        InstanceId: i.id,
        Status: i.status,
      })),
    },
  };
}
