// A whole XML document read to a shape, as the client reads an XML response: its one root checked,
// its tree normalized. The generator checks a spec's XML examples with it.
import type { Shape } from './descriptors.js';
import { normalize } from './normalize.js';
import { malformed, parseXml } from './xml.js';

/** Reads a document whose root must be `root`, normalized to the shape. */
export async function readXmlDocument(text: string, root: string, shape: Shape): Promise<unknown> {
  const tree = await parseXml(text);
  const names = Object.keys(tree);
  if (names.length !== 1 || names[0] !== root) {
    throw malformed(
      `expected the XML root <${root}>, found ${names.map((n) => `<${n}>`).join(', ') || 'nothing'}`,
    );
  }
  return normalize(tree[root], shape);
}
