// Types emitter: openapi-typescript's output for the whole spec, plus friendly named types.
import openapiTS, { astToString, STRING } from 'openapi-typescript';
import type { Emitter } from '../contract.ts';
import { codeHeader } from '../header.ts';
import { renderTs } from '../ts-file.ts';
import { friendlyTypeStatements } from './friendly-types.ts';

export const typesEmitter: Emitter = {
  name: 'types',
  async emit({ model }) {
    const ast = await openapiTS(model.document as Parameters<typeof openapiTS>[0], {
      silent: true,
      // int64 values arrive as decimal strings so that no digit is lost (spec/README.md, int64).
      transform: (schema) => (schema.type === 'integer' && schema.format === 'int64' ? STRING : undefined),
    });
    const openapi = { path: 'src/openapi.ts', content: `${codeHeader(model)}\n${astToString(ast)}` };
    return [openapi, renderTs(model, 'src/types.ts', friendlyTypeStatements(model))];
  },
};
