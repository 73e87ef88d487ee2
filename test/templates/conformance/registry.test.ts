// The registry: every check of every action in a stable order, service-wide checks once, and the
// authentication checks only for the first action.
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../../templates/conformance/registry.ts';
import { widgetsFacts } from '../../support/widgets-conformance.ts';

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
    expect(ids[0]).toBe('protocol.DescribeThings.routing');
  });

  it('keeps service-wide checks once, where they first appear', () => {
    expect(ids.filter((id) => id === 'protocol.unknown-action')).toHaveLength(1);
    expect(ids.indexOf('protocol.unknown-action')).toBeLessThan(ids.indexOf('protocol.CreateThing.routing'));
  });

  it('adds the authentication checks for the first action only', () => {
    const auth = ids.filter((id) => id.startsWith('auth.'));
    expect(auth).toContain('auth.timestamp.outside');
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
