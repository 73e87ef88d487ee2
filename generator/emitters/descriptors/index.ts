// Descriptors emitter: the service's and each action's wire facts as literals the runtime reads.
import type { Emitter } from '../contract.ts';
import { renderDataModule } from '../data-module.ts';
import { readToolkit } from '../toolkit.ts';
import { descriptorStatements } from './descriptors.ts';

export const descriptorsEmitter: Emitter = {
  name: 'descriptors',
  async emit({ model, rootDir }) {
    const toolkit = await readToolkit(rootDir);
    return [renderDataModule(model, 'src/service.ts', descriptorStatements(model, toolkit))];
  },
};
