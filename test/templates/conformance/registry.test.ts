// Every check sends its own action: the whole suite for a three-action spec run against a recording
// server, each request's action compared with the check that sent it. And checks that are not about
// state leave every resource as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_ACTION } from '../../../templates/conformance/http.ts';
import { runChecks } from '../../../templates/conformance/runner.ts';
import type { ConformanceFacts } from '../../../templates/conformance/types.ts';
import { emitFixturePackage } from '../../support/fixture-sources.ts';
import { startStatefulServer } from '../../support/stateful-server.ts';

const server = await startStatefulServer('ecs-like', [
  { id: 't-1', status: 'Stopped' },
  { id: 't-2', status: 'Running' },
  { id: 't-3', status: 'Running' },
]);
afterAll(() => server.close());

let facts: ConformanceFacts;
beforeAll(async () => {
  const src = await emitFixturePackage('test/fixtures/specs/stateful.yaml');
  facts = (await import(`${src}/conformance/facts.ts`)).conformanceFacts;
});

describe('the suite for test/fixtures/specs/stateful.yaml', () => {
  it('sends each check’s requests as that check’s action, and only state checks change state', async () => {
    const { allChecks } = await import('../../../templates/conformance/registry.ts');
    const checks = new Map(allChecks(facts).map((c) => [c.id, c]));
    const names = facts.actions.map((a) => a.descriptor.name);
    const seen: { id: string; actions: string[]; skipped: boolean; changed: boolean }[] = [];
    let from = 0;
    let before = JSON.stringify(server.things);
    await runChecks(
      facts,
      { endpoint: server.url, accessKeyId: 'id', accessKeySecret: 'secret', values: {} },
      { seed: 7, authChecks: true, sleep: async () => {} },
      (outcome) => {
        const after = JSON.stringify(server.things);
        seen.push({
          id: outcome.id,
          actions: server.actions.slice(from),
          skipped: outcome.skipped !== undefined,
          changed: after !== before,
        });
        from = server.actions.length;
        before = after;
      },
    );
    expect(seen.length).toBe(checks.size);
    for (const { id, actions, skipped, changed } of seen) {
      const check = checks.get(id)!;
      const named = names.filter((n) => id.split('.').includes(n));
      if (named.length > 0) expect(named, id).toEqual([check.action]);
      const allowed = new Set([check.action, UNKNOWN_ACTION, ...(check.uses ?? [])]);
      expect(
        actions.filter((a) => !allowed.has(a)),
        `${id} sent other actions`,
      ).toEqual([]);
      if (!skipped) expect(actions, `${id} never sent ${check.action}`).toContain(check.action);
      if (!/^(transition|waiter)\./.test(id)) expect(changed, `${id} changed a resource's state`).toBe(false);
    }
    // Every action of the spec is the subject of checks of its own.
    for (const name of names) expect(seen.some((s) => checks.get(s.id)!.action === name)).toBe(true);
  });
});
