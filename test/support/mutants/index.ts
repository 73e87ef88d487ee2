// Every broken-server variant of the mutation harness, by category, and the selection of the
// conformance suite they are measured against (bench/conformance-mutants.ts, the mutants test).
import { conformanceChecks } from '@acs-rpc/ecs/conformance';
import { AUTH_VARIANTS } from './auth.ts';
import { FILTER_VARIANTS } from './filters.ts';
import { FORMAT_VARIANTS } from './formats.ts';
import { PAGINATION_VARIANTS } from './pagination.ts';
import { PARAMETER_VARIANTS } from './parameters.ts';
import { RESPONSE_VARIANTS } from './responses.ts';
import type { Variant } from './variant.ts';
import { VERDICTS } from './verdicts.ts';

export { startMutant, TRANSPARENT } from './proxy.ts';
export type { Category, Variant } from './variant.ts';

/** Every variant, with the check that catches it and why (verdicts.ts), or none: a survivor. */
export const VARIANTS: readonly Variant[] = [
  ...AUTH_VARIANTS,
  ...PARAMETER_VARIANTS,
  ...FILTER_VARIANTS,
  ...FORMAT_VARIANTS,
  ...PAGINATION_VARIANTS,
  ...RESPONSE_VARIANTS,
].map((v) => ({ ...v, caughtBy: VERDICTS[v.name]?.caughtBy, reason: VERDICTS[v.name]?.reason }));

/** The actions whose every check the harness runs: a page-numbered list, a token-paged list and two
 * unpaged reads. */
export const MUTANT_ACTIONS = ['DescribeInstanceStatus', 'DescribeDisks', 'DescribeRegions', 'DescribeZones'];

/** `--only` for runChecks: every check of those actions and every service-wide check. */
export function mutantSelection(): string {
  const serviceWide = conformanceChecks()
    .filter((c) => !c.id.split('.').includes(c.action))
    .map((c) => c.id);
  return [...MUTANT_ACTIONS.flatMap((a) => [`*.${a}.*`, `*.${a}`]), ...serviceWide].join(',');
}
