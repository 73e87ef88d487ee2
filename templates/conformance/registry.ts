// Every check for every action, in a stable order (so shards and ids are reproducible). Each check
// sends its own action; the service-wide ones send the probe action, one that only reads.
import { authChecks } from './checks/auth.js';
import { boundaryChecks } from './checks/boundaries.js';
import { caseChecks } from './checks/cases.js';
import { combinationChecks } from './checks/combinations.js';
import { fuzzCheck } from './checks/fuzz.js';
import { paginationChecks } from './checks/pagination.js';
import { negotiationChecks, protocolChecks, serviceProtocolChecks } from './checks/protocol.js';
import { requestIdCheck, responseChecks } from './checks/responses.js';
import { transitionChecks } from './checks/transitions.js';
import { waiterChecks } from './checks/waiters.js';
import { probeAction } from './state.js';
import type { Check, ConformanceFacts } from './types.js';

export function allChecks(facts: ConformanceFacts): Check[] {
  const window = facts.service.protocol?.timestampWindowSeconds ?? 900;
  const probe = probeAction(facts);
  return [
    ...serviceProtocolChecks(probe),
    ...negotiationChecks(probe, facts),
    ...authChecks(probe, window, facts.actions),
    requestIdCheck(probe),
    ...facts.actions.flatMap((action) => [
      ...protocolChecks(action),
      ...responseChecks(action),
      ...combinationChecks(action),
      ...boundaryChecks(action),
      ...paginationChecks(facts, action),
      ...caseChecks(action),
      ...[...transitionChecks(facts, action), ...waiterChecks(facts, action)].map((c) => ({
        ...c,
        exclusive: true,
      })),
      fuzzCheck(action),
    ]),
  ];
}
