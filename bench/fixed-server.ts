// A bare node:http server in its own process answering every request with the same bytes: what
// per-call overhead and the reference server's throughput are measured against. By default a
// DescribeInstanceStatus page; an argument names a JSON file `{ body, headers }` to answer instead
// (the reference server's own answer to the call being measured and its headers, Content-Length
// included when it sends one, so both send the same bytes framed alike).
// Prints its URL; forked with IPC it also answers `'cpu'`, `'memory'` and `'stop'` (server-child.ts).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerParent } from './server-child.ts';

const DEFAULT_BODY = JSON.stringify({
  RequestId: '6EF60BEC-0242-43AF-BB20-270359FB54A7',
  TotalCount: 2,
  PageNumber: 1,
  PageSize: 10,
  InstanceStatuses: {
    InstanceStatus: [
      { InstanceId: 'i-instance1', Status: 'Running' },
      { InstanceId: 'i-ae4r89pp', Status: 'Stopped' },
    ],
  },
});
const given =
  process.argv[2] === undefined
    ? undefined
    : (JSON.parse(readFileSync(process.argv[2], 'utf8')) as {
        body: string;
        headers: Record<string, string>;
      });
const body = given?.body ?? DEFAULT_BODY;
const headers = given?.headers ?? { 'content-type': 'application/json;charset=utf-8' };
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
// Idle connections stay open between rounds, so no client pays a reconnect the others do not.
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  console.log(url);
  answerParent(url, () => new Promise((resolve) => server.close(() => resolve())));
});
