// Pagination inferred by `acs-rpc import`: token style where the action takes NextToken/MaxResults and
// answers a NextToken (preferred, with a warning, where it takes page numbers too), and a warning
// naming the action where the metadata does not say enough.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importMetadata } from '../../importer/import-metadata.ts';

const gadgets = join(import.meta.dirname, '..', 'fixtures', 'openmeta', 'gadgets@2021-01-01.json');
const imported = await importMetadata(gadgets, 'spec/gadgets.yaml');
const spec = parse(imported.text ?? '') as {
  paths: Record<string, { get: Record<string, { pagination?: unknown }> }>;
};
const paginationOf = (action: string) => spec.paths[`/${action}`]!.get['x-acs-rpc']!.pagination;
const warnings = imported.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);

describe('pagination inferred from metadata', () => {
  it('imports with no error', () => {
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('declares token pagination, with the total the response gives', () => {
    expect(paginationOf('ListGadgets')).toEqual({
      style: 'token',
      token: 'NextToken',
      pageSize: 'MaxResults',
      nextToken: 'NextToken',
      totalCount: 'TotalCount',
      items: 'Gadgets.Gadget',
    });
  });

  it('prefers tokens where an action takes both, and says so', () => {
    expect(paginationOf('ListGadgetsBoth')).toMatchObject({ style: 'token' });
    expect(warnings).toContainEqual(
      expect.stringMatching(/^ListGadgetsBoth: takes both NextToken\/MaxResults and PageNumber\/PageSize/),
    );
  });

  it('declares none, with a warning, when the response hands back no token', () => {
    expect(paginationOf('ListGadgetsNoToken')).toBeUndefined();
    expect(warnings).toContain(
      'ListGadgetsNoToken: has NextToken/MaxResults but no string NextToken in its response; no pagination declared',
    );
  });
});
