// The emitters of a product package, in the order their files are listed; each reads only the model.
// The runtime it imports is a package of its own (runtime/index.ts).
import { clientEmitter } from './client/index.ts';
import { conformanceEmitter } from './conformance/index.ts';
import type { Emitter } from './contract.ts';
import { descriptorsEmitter } from './descriptors/index.ts';
import { packageEmitter } from './package/index.ts';
import { typesEmitter } from './types/index.ts';
import { validatorsEmitter } from './validators/index.ts';

export const emitters: readonly Emitter[] = [
  typesEmitter,
  validatorsEmitter,
  descriptorsEmitter,
  clientEmitter,
  conformanceEmitter,
  packageEmitter,
];
