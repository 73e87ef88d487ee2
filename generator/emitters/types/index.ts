// Types emitter: openapi-typescript's output for a document built from the model, plus friendly named types.
import type { OpenAPI3 } from 'openapi-typescript';
import type { Emitter } from '../contract.ts';
import { codeHeader } from '../header.ts';
import { renderTs } from '../ts-file.ts';
import { friendlyTypeStatements } from './friendly-types.ts';
import { openapiDocument } from './openapi-document.ts';
import { openapiTypes } from './openapi-types.ts';

export const typesEmitter: Emitter = {
  name: 'types',
  async emit({ model }) {
    const types = openapiTypes(openapiDocument(model) as unknown as OpenAPI3);
    const openapi = { path: 'src/openapi.ts', content: `${codeHeader(model)}\n${types}` };
    return [openapi, renderTs(model, 'src/types.ts', friendlyTypeStatements(model))];
  },
};
