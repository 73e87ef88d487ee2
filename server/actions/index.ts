// The action table: each spec action's descriptor (from the generated package) and its handler.
// Everything generic — routing, authentication, decoding, validation, formats — works from the
// descriptor; a new action in the spec needs only a handler here.
import { type ActionDescriptor, describeInstanceStatusAction } from '@acs-rpc/ecs';
import type { Inventory } from '../state/inventory.ts';
import { describeInstanceStatus } from './describe-instance-status.ts';

export interface ActionEntry {
  readonly descriptor: ActionDescriptor;
  readonly handle: (params: never, inventory: Inventory) => object;
}

export const ACTIONS: ReadonlyMap<string, ActionEntry> = new Map<string, ActionEntry>([
  [
    describeInstanceStatusAction.name,
    { descriptor: describeInstanceStatusAction, handle: describeInstanceStatus },
  ],
]);
