// Response examples (success and error) with the schema and XML root each must match.
import { joinPointer } from '../load/pointer.ts';
import { componentName } from './json-schema.ts';
import { deref, shapeOf, xmlName } from './shape.ts';
import type { ExampleModel } from './types.ts';

type Raw = Record<string, unknown>;

export function buildExamples(root: unknown, operation: Raw, pointer: string): ExampleModel[] {
  const responses = (operation.responses ?? {}) as Raw;
  const examples: ExampleModel[] = [];
  for (const [status, entry] of Object.entries(responses)) {
    const ref = (entry as Raw).$ref;
    // Shared responses are read where they are defined, so their examples point at their own lines.
    const base = typeof ref === 'string' ? ref.replace(/^#/, '') : joinPointer(pointer, 'responses', status);
    const response = deref(root, entry);
    const content = (response.content ?? {}) as Raw;
    for (const [mediaType, media] of Object.entries(content)) {
      const kind = mediaType.endsWith('xml') ? 'xml' : mediaType.endsWith('json') ? 'json' : undefined;
      const schemaRef = ((media as Raw).schema as Raw | undefined)?.$ref;
      const schemaName = typeof schemaRef === 'string' ? componentName(schemaRef) : undefined;
      if (kind === undefined || schemaName === undefined) continue;
      const schema = deref(root, (media as Raw).schema);
      for (const [name, example] of Object.entries(((media as Raw).examples ?? {}) as Raw)) {
        examples.push({
          name: `${status} ${mediaType} ${name}`,
          mediaType: kind,
          value: (example as Raw).value,
          schemaName,
          xmlRoot: xmlName(schema) ?? schemaName,
          shape: shapeOf(root, schema),
          pointer: joinPointer(base, 'content', mediaType, 'examples', name, 'value'),
        });
      }
    }
  }
  return dedupe(examples);
}

/** One shared error response referenced under several statuses yields its examples once. */
function dedupe(examples: ExampleModel[]): ExampleModel[] {
  const seen = new Set<string>();
  return examples.filter((e) => !seen.has(e.pointer) && seen.add(e.pointer));
}
