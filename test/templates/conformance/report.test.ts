// A skipped check is reported as skipped, with its reason: never counted as passed or failed.
import { describe, expect, it } from 'vitest';
import { junit, outcomeLine, summary } from '../../../templates/conformance/report.ts';
import type { Outcome } from '../../../templates/conformance/runner.ts';
import type { ConformanceFacts } from '../../../templates/conformance/types.ts';

const outcomes: Outcome[] = [
  { id: 'protocol.A.routing', title: 't', ms: 3 },
  { id: 'transition.B.moves', title: 't', ms: 1, skipped: 'needs a Thing in state Stopped; none found' },
  { id: 'transition.B.wrong-state', title: 't', ms: 2, failure: { message: 'expected X, got a success' } },
];
const facts = { service: { errors: {} } } as unknown as ConformanceFacts;

describe('the report', () => {
  it.each([
    ['a pass', { given: outcomes[0]!, want: 'ok   protocol.A.routing (3 ms)' }],
    [
      'a skip, with its reason',
      { given: outcomes[1]!, want: 'skip transition.B.moves: needs a Thing in state Stopped; none found' },
    ],
    ['a failure', { given: outcomes[2]!, want: 'FAIL transition.B.wrong-state (2 ms)' }],
  ])('prints %s', (_name, { given, want }) => {
    expect(outcomeLine(given)).toBe(want);
  });

  it('counts skips apart, and says nothing of them when there are none', () => {
    expect(summary({ outcomes, codesSeen: [] }, facts).split('\n').at(-1)).toBe(
      '1 passed, 1 failed, 1 skipped',
    );
    expect(
      summary({ outcomes: [outcomes[0]!], codesSeen: [] }, facts)
        .split('\n')
        .at(-1),
    ).toBe('1 passed, 0 failed');
  });

  it('writes skips into JUnit as <skipped> with the reason', () => {
    const xml = junit({ outcomes, codesSeen: [] }, 'S');
    expect(xml).toContain('tests="3" failures="1" skipped="1"');
    expect(xml).toContain('<skipped message="needs a Thing in state Stopped; none found"/>');
  });
});
