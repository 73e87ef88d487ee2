// Rule: the document is valid OpenAPI 3.1, judged by Redocly's structural rule (a real validator).
import { BaseResolver, createConfig, lintDocument, Source } from '@redocly/openapi-core';
import type { CheckContext } from '../context.ts';
import { isObject } from '../context.ts';

export async function checkStructure(ctx: CheckContext): Promise<void> {
  const root = ctx.spec.value;
  if (!isObject(root)) {
    ctx.report('openapi.invalid', '', 'The spec must be a YAML mapping (an OpenAPI document).');
    return;
  }
  if (typeof root.openapi !== 'string' || !/^3\.1\.\d+$/.test(root.openapi)) {
    ctx.report(
      'openapi.version',
      '/openapi',
      `Expected "openapi: 3.1.x", found ${JSON.stringify(root.openapi)}.`,
    );
    return;
  }
  const config = await createConfig({ rules: { struct: 'error' } });
  // The document as loaded (lintFromString would parse the text a second time, with another parser).
  const document = { source: new Source(ctx.spec.file, ctx.spec.text), parsed: root };
  const problems = await lintDocument({
    document,
    config,
    externalRefResolver: new BaseResolver(config.resolve),
  });
  for (const problem of problems) {
    const pointer = (problem.location[0]?.pointer ?? '#').replace(/^#/, '');
    ctx.report('openapi.invalid', pointer, problem.message);
  }
}
