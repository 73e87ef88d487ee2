// Every check sends its own action: the whole suite for a three-action spec run against a recording
// server, each request's action compared with the check that sent it. And checks that are not about
// state leave every resource as it was.
// The registry: every check of every action in a stable order, service-wide checks once, and the
// authentication checks only for the first action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_ACTION } from '../../../templates/conformance/http.ts';
import { allChecks } from '../../../templates/conformance/registry.ts';
import { runChecks } from '../../../templates/conformance/runner.ts';
import type { ConformanceFacts } from '../../../templates/conformance/types.ts';
import { emitFixturePackage } from '../../support/fixture-sources.ts';
import { startStatefulServer } from '../../support/stateful-server.ts';
import { widgetsFacts } from '../../support/widgets-conformance.ts';

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
      // A request that leaves its action out (a check of exactly that) names none: ''.
      const allowed = new Set([check.action, UNKNOWN_ACTION, '', ...(check.uses ?? [])]);
      expect(
        actions.filter((a) => !allowed.has(a)),
        `${id} sent other actions`,
      ).toEqual([]);
      if (!skipped && !actions.every((a) => a === ''))
        expect(actions, `${id} never sent ${check.action}`).toContain(check.action);
      if (!/^(transition|waiter)\./.test(id)) expect(changed, `${id} changed a resource's state`).toBe(false);
    }
    // Every action of the spec is the subject of checks of its own.
    for (const name of names) expect(seen.some((s) => checks.get(s.id)!.action === name)).toBe(true);
  });
});

describe('allChecks', () => {
  const ids = allChecks(widgetsFacts).map((c) => c.id);

  it('gives every check a unique id, and the same order on every call', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(allChecks(widgetsFacts).map((c) => c.id)).toEqual(ids);
  });

  it('runs the first action completely before the second', () => {
    const lastOfFirst = ids.indexOf('fuzz.DescribeThings');
    expect(ids.slice(lastOfFirst + 1).every((id) => !id.includes('DescribeThings'))).toBe(true);
    expect(ids.at(-1)).toBe('fuzz.CreateThing');
    expect(ids.filter((id) => id.includes('DescribeThings'))[0]).toBe('protocol.DescribeThings.routing');
  });

  it('keeps service-wide checks once, where they first appear', () => {
    expect(ids.filter((id) => id === 'protocol.unknown-action')).toHaveLength(1);
    expect(ids.indexOf('protocol.unknown-action')).toBeLessThan(ids.indexOf('protocol.CreateThing.routing'));
  });

  it('adds the authentication checks for the first action only', () => {
    const auth = ids.filter((id) => id.startsWith('auth.'));
    expect(auth).toContain('auth.v1.timestamp.past-outside');
    expect(auth.length).toBeGreaterThan(5);
    const checks = allChecks({ ...widgetsFacts, actions: [...widgetsFacts.actions].reverse() });
    expect(checks.filter((c) => c.id.startsWith('auth.')).map((c) => c.id)).toEqual(auth);
    expect(checks.every((c) => !c.id.startsWith('auth.') || c.auth === true)).toBe(true);
  });

  it('has one fuzz check and the pagination walks for a paginated action only', () => {
    expect(ids.filter((id) => id.startsWith('fuzz.'))).toEqual(['fuzz.DescribeThings', 'fuzz.CreateThing']);
    expect(ids.some((id) => id.startsWith('pagination.CreateThing'))).toBe(false);
    expect(ids).toContain('pagination.DescribeThings.walk-10');
  });
});
