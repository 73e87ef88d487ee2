// Waiters in the emitted package: a descriptor constant each (named by naming.ts), a waitUntil method
// on the client over the runtime engine, and the waiters, transitions and lists in the conformance facts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitters } from '../../../generator/emitters/index.ts';
import { propertyAccess, waiterNames } from '../../../generator/emitters/naming.ts';
import { modelSpec } from '../../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('waiters of test/fixtures/specs/stateful.yaml', async () => {
  const { model } = await modelSpec(ROOT, 'test/fixtures/specs/stateful.yaml');
  const files = new Map<string, string>();
  for (const emitter of emitters)
    for (const f of await emitter.emit({ model: model!, rootDir: ROOT })) files.set(f.path, f.content);

  it.each([
    ['InstanceRunning', { method: 'waitUntilInstanceRunning', descriptor: 'instanceRunningWaiter' }],
    ['Ready', { method: 'waitUntilReady', descriptor: 'readyWaiter' }],
  ])('names waiter %s', (name, want) => {
    expect(waiterNames({ name, description: undefined, minDelay: 2, maxDelay: 120, acceptors: [] })).toEqual(
      want,
    );
  });

  it('gives each waiter a descriptor with its delays and acceptors', () => {
    const service = files.get('src/service.ts')!;
    expect(service).toContain("import type { WaiterDescriptor } from '@acs-rpc/runtime/waiter.js';");
    expect(service).toMatch(
      /export const thingRunningWaiter: WaiterDescriptor = \{\n\s+name: 'ThingRunning',\n\s+action: 'DescribeThings',\n\s+minDelay: 1,\n\s+maxDelay: 8,/,
    );
    expect(service).toMatch(
      /export const thingStoppedWaiter: WaiterDescriptor = \{[^}]*minDelay: 2,\n\s+maxDelay: 120,/,
    );
  });

  it('gives the client a waitUntil method per waiter, polling the action with the same request', () => {
    const client = files.get('src/client.ts')!;
    for (const [method, descriptor] of [
      ['waitUntilThingRunning', 'thingRunningWaiter'],
      ['waitUntilThingStopped', 'thingStoppedWaiter'],
    ]) {
      expect(client).toContain(
        `${method}(params: DescribeThingsRequest, options: WaitOptions): Promise<WaiterResult> {`,
      );
      expect(client).toContain(
        `return runWaiter(${descriptor}, (signal) => this.describeThings(params, signal === undefined ? {} : { signal }), options);`,
      );
    }
  });

  it('puts transitions, lists and waiters into the conformance facts', () => {
    const facts = files.get('src/conformance/facts.ts')!;
    expect(facts).toMatch(/waiters: \[\n\s+thingRunningWaiter,\n\s+thingStoppedWaiter,\n\s+\]/);
    expect(facts).toMatch(
      /transition: \{\n\s+resource: 'Thing',\n\s+idParam: 'ThingId',\n\s+from: \['Stopped'\],/,
    );
    expect(facts).toMatch(
      /lists: \{\n\s+resource: 'Thing',\n\s+idField: 'ThingId',\n\s+itemsPath: \['Things', 'Thing'\],/,
    );
  });

  it('exports AcsWaiterError and the waiter descriptors from the package entry', () => {
    const index = files.get('src/index.ts')!;
    expect(index).toContain('AcsWaiterError');
    expect(index).toMatch(/thingRunningWaiter, thingStoppedWaiter/);
  });

  it("shows in the README a waiter that runs as written: a listed resource in the transition's from state", () => {
    const readme = files.get('README.md')!;
    expect(readme).toContain(
      [
        "const listed = await client.describeThings({ RegionId: 'cn-test' });",
        "const found = listed.Things?.Thing?.find((item) => item.Status === 'Stopped');",
        'if (found?.ThingId !== undefined) {',
        "  await client.startThing({ RegionId: 'cn-test', ThingId: found.ThingId });",
        "  const result = await client.waitUntilThingRunning({ RegionId: 'cn-test', ThingId: [found.ThingId] }, { maxWaitSeconds: 300 });",
        '  console.log(result.state); // → success',
      ].join('\n'),
    );
    expect(readme).not.toContain('changeThenWait');
  });
});

describe('propertyAccess', () => {
  it.each([
    [['A', 'B'], 1, 'x.A?.B'],
    [['A'], 0, 'x?.A'],
    [['A'], 1, 'x.A'],
    [['a-b', "it's"], 1, "x['a-b']?.['it\\'s']"],
    [['back\\slash'], 1, "x['back\\\\slash']"],
  ] as const)('reads %j (optional from %i) as %s', (path, optionalFrom, code) => {
    expect(propertyAccess('x', path, optionalFrom)).toBe(code);
  });
});
