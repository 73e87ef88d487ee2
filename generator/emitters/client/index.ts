// Client emitter: the typed client class users call, over the runtime core.
import type { Emitter } from '../contract.ts';
import { renderTs } from '../ts-file.ts';
import { clientStatements } from './client-class.ts';

export const clientEmitter: Emitter = {
  name: 'client',
  async emit({ model }) {
    return [renderTs(model, 'src/client.ts', clientStatements(model))];
  },
};
