// Reads an XML example the way the generated client reads an XML response (templates/runtime/xml-read.ts),
// so the spec's XML examples are checked by the code users run.

import { readXmlDocument } from '../../templates/runtime/xml-read.ts';
import type { ExampleModel } from './types.ts';

export async function readXmlExample(example: ExampleModel): Promise<unknown> {
  if (typeof example.value !== 'string') throw new Error('an XML example must be a string');
  return readXmlDocument(example.value, example.xmlRoot, example.shape);
}
