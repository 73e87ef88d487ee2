// Every check for every action, in a stable order (so shards and ids are reproducible).
import { authChecks } from './checks/auth.js';
import { boundaryChecks } from './checks/boundaries.js';
import { caseChecks } from './checks/cases.js';
import { combinationChecks } from './checks/combinations.js';
import { fuzzCheck } from './checks/fuzz.js';
import { paginationChecks } from './checks/pagination.js';
import { protocolChecks } from './checks/protocol.js';
import { responseChecks } from './checks/responses.js';
import type { Check, ConformanceFacts } from './types.js';

export function allChecks(facts: ConformanceFacts): Check[] {
  const window = facts.service.protocol?.timestampWindowSeconds ?? 900;
  const checks = facts.actions.flatMap((action, i) => [
    ...protocolChecks(action),
    ...(i === 0 ? authChecks(action, window) : []),
    ...responseChecks(action),
    ...combinationChecks(action),
    ...boundaryChecks(action),
    ...paginationChecks(action),
    ...caseChecks(action),
    fuzzCheck(action),
  ]);
  const seen = new Set<string>();
  // Service-wide checks appear once even when several actions produce them.
  return checks.filter((c) => !seen.has(c.id) && seen.add(c.id));
}
