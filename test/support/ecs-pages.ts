// A DescribeInstanceStatus responder over N synthetic instances, paging like the real API.
import type { Handler, Recorded } from './fake-server.ts';

const STATUSES = ['Pending', 'Running', 'Starting', 'Stopping', 'Stopped'];

export function instanceIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `i-${String(i + 1).padStart(4, '0')}`);
}

/** Reads PageNumber/PageSize from the query (GET) or form body (POST). */
export function paramsOf(req: Recorded): URLSearchParams {
  return req.method === 'POST' ? new URLSearchParams(req.body) : req.url.searchParams;
}

export function pagesOf(count: number): Handler {
  const ids = instanceIds(count);
  return (req, res) => {
    const params = paramsOf(req);
    const pageNumber = Number(params.get('PageNumber') ?? 1);
    const pageSize = Number(params.get('PageSize') ?? 10);
    const page = ids.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        RequestId: `R-${pageNumber}`,
        TotalCount: count,
        PageNumber: pageNumber,
        PageSize: pageSize,
        InstanceStatuses: {
          InstanceStatus: page.map((id, i) => ({ InstanceId: id, Status: STATUSES[i % 5] })),
        },
      }),
    );
  };
}
