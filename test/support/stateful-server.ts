// A scripted stateful server for the fixture spec test/fixtures/specs/stateful.yaml: things that
// StartThing/StopThing move through Starting/Stopping, shown once by DescribeThings before they
// settle. Variants break the state semantics so the transition checks can be seen to catch them.
// It records the action of every request; it verifies no signature (the auth checks are not its point).
import { startFakeServer } from './fake-server.ts';

export type Behaviour = 'ecs-like' | 'ignores-state' | 'any-state';

export interface Thing {
  id: string;
  status: string;
}

const MOVES: Record<string, { from: string; via: string; to: string }> = {
  StartThing: { from: 'Stopped', via: 'Starting', to: 'Running' },
  StopThing: { from: 'Running', via: 'Stopping', to: 'Stopped' },
};
const SETTLES: Record<string, string> = { Starting: 'Running', Stopping: 'Stopped' };

export async function startStatefulServer(behaviour: Behaviour, things: Thing[]) {
  const actions: string[] = [];
  let requestNumber = 0;
  const server = await startFakeServer((req, res) => {
    const params = new URLSearchParams(req.url.search);
    for (const [k, v] of new URLSearchParams(req.body)) params.append(k, v);
    const action = String(req.headers['x-acs-action'] ?? params.get('Action') ?? '');
    actions.push(action);
    const answer = (status: number, body: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ RequestId: `R-${++requestNumber}`, ...body }));
    };
    const error = (status: number, code: string) =>
      answer(status, { HostId: 'things.test', Code: code, Message: `${code}.` });
    if (action === 'DescribeThings') {
      const ids = [...params.entries()].filter(([k]) => k.startsWith('ThingId.')).map(([, v]) => v);
      const size = Number(params.get('PageSize') ?? 5);
      const number = Number(params.get('PageNumber') ?? 1);
      if (!(size >= 1 && size <= 20) || !(number >= 1)) return error(400, 'InvalidParameter');
      const matching = things.filter((t) => ids.length === 0 || ids.includes(t.id));
      const page = matching.slice((number - 1) * size, number * size);
      answer(200, {
        TotalCount: matching.length,
        PageNumber: number,
        PageSize: size,
        Things: { Thing: page.map((t) => ({ ThingId: t.id, Status: t.status })) },
      });
      // A transitional state is shown once, then settles.
      for (const t of page) t.status = SETTLES[t.status] ?? t.status;
      return;
    }
    const move = MOVES[action];
    if (move === undefined) return error(404, 'InvalidAction.NotFound');
    const id = params.get('ThingId');
    if (!params.get('RegionId') || !id) return error(400, 'MissingParameter');
    const thing = things.find((t) => t.id === id);
    if (thing === undefined) return error(404, 'InvalidThingId.NotFound');
    if (behaviour === 'ecs-like' && thing.status !== move.from) return error(403, 'IncorrectThingStatus');
    if (behaviour !== 'ignores-state') thing.status = move.via;
    answer(200, {});
  });
  return { url: server.url, actions, things, close: () => server.close() };
}
