// Types emitter: openapi-typescript's output for a document built from the model, plus friendly named types.
import openapiTS, { astToString } from 'openapi-typescript';
import type { Emitter } from '../contract.ts';
import { codeHeader } from '../header.ts';
import { renderTs } from '../ts-file.ts';
import { friendlyTypeStatements } from './friendly-types.ts';
import { openapiDocument } from './openapi-document.ts';

export const typesEmitter: Emitter = {
  name: 'types',
  async emit({ model }) {
    const ast = await openapiTS(openapiDocument(model) as unknown as Parameters<typeof openapiTS>[0], {
      silent: true,
    });
    const openapi = { path: 'src/openapi.ts', content: `${codeHeader(model)}\n${astToString(ast)}` };
    return [openapi, renderTs(model, 'src/types.ts', friendlyTypeStatements(model))];
  },
};
