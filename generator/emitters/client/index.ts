// Client emitter: the client with a method per action, and the modular one (commands and a bare
// client that sends them), both over the runtime core; and the guards that narrow their errors.
import type { Emitter } from '../contract.ts';
import { renderTs } from '../ts-file.ts';
import { clientStatements } from './client-class.ts';
import { bareClientStatements, commandStatements } from './commands.ts';
import { errorGuardStatements } from './error-guards.ts';

export const clientEmitter: Emitter = {
  name: 'client',
  async emit({ model }) {
    return [
      renderTs(model, 'src/client.ts', clientStatements(model)),
      renderTs(model, 'src/commands.ts', commandStatements(model)),
      renderTs(model, 'src/bare-client.ts', bareClientStatements(model)),
      renderTs(model, 'src/errors.ts', errorGuardStatements(model)),
    ];
  },
};
