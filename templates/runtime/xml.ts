// XML responses: parsed with fast-xml-parser, loaded only when XML is used, with DOCTYPE (and so
// entity definitions) refused outright: only the five XML entities and character references decode.
// Normalizing the tree is the caller's (response.ts, xml-read.ts): this module, loaded lazily,
// imports nothing more of the call path than the error class.
import { AcsResponseError } from './errors.js';

type XmlTree = Record<string, unknown>;

/** Parses an XML document into plain data (elements → keys, repeated elements → arrays, text → strings). */
export async function parseXml(text: string): Promise<XmlTree> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw malformed('XML with a DOCTYPE or entity declaration is refused');
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const verdict = XMLValidator.validate(text);
  if (verdict !== true)
    throw malformed(`XML is not well formed (line ${verdict.err.line}: ${verdict.err.msg})`);
  const parser = new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    // Text keeps its white space (a value may start or end with it); the layout between elements is
    // dropped below.
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    tagValueProcessor: (_name: string, value: string) => decodeCharacterReferences(value),
    // No callback reads the element's path: without this the parser prints it as text for every
    // element and every value (a quarter of the parse of a 50-item list).
    jPath: false,
  });
  let tree: unknown;
  try {
    tree = parser.parse(text);
  } catch (error) {
    // The parser refuses some documents by throwing a plain Error (a reserved name such as
    // `__proto__`, nesting deeper than it allows): a malformed response like any other.
    throw malformed(`the XML reader refused it (${error instanceof Error ? error.message : String(error)})`);
  }
  return withoutLayout(tree) as XmlTree;
}

/** The white space between an element's children (indentation) is layout, not a value. */
function withoutLayout(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLayout);
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const layout = record['#text'];
  if (typeof layout === 'string' && layout.trim() === '' && Object.keys(record).length > 1)
    delete record['#text'];
  for (const key of Object.keys(record)) record[key] = withoutLayout(record[key]);
  return record;
}

function decodeCharacterReferences(value: string): string {
  return value.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (match, ref: string) => {
    const code = ref.startsWith('x') ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

export function malformed(message: string): AcsResponseError {
  return new AcsResponseError({
    code: 'Client.MalformedResponse',
    message: `Malformed XML response: ${message}.`,
  });
}
