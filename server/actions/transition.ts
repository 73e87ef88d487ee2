// `x-acs-rpc.transition`: the resource named by the id parameter moves from one of `from` through `via`
// to `to`; an unknown id is `notFound`, any other state `otherwise`.
import type { ActionFacts } from '../../templates/conformance/types.ts';
import { ServerError } from '../protocol/server-error.ts';
import { type Call, DRY_RUN } from './answer.ts';

export function applyTransition(
  call: Call,
  transition: NonNullable<ActionFacts['transition']>,
  dryRun: boolean,
): void {
  const id = String(call.params[transition.idParam]);
  const resource = call.served.store.get(transition.resource, id);
  if (resource === undefined)
    throw new ServerError(transition.notFound ?? 'InvalidParameter', transition.idParam);
  if (!transition.from.includes(resource.state))
    throw new ServerError(transition.otherwise, transition.idParam);
  if (dryRun) throw new ServerError(DRY_RUN.code);
  call.served.store.move(resource, transition.via, transition.to);
}
