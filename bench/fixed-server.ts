// A server in its own process answering every request with the same DescribeInstanceStatus page:
// what per-call overhead is measured against. Prints its URL, then serves until killed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = JSON.stringify({
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
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
    res.end(body);
  });
});
// Idle connections stay open between rounds, so no client pays a reconnect the others do not.
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () =>
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
);
