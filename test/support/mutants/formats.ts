// Format and protocol bugs: the response format (JSON unless Format=XML in any case or, without
// Format, an Accept naming XML; x-acs-service.responseFormat), its content type and XML element names,
// JSON types, the method, the version and the form body (spec/README.md, Responses).
import { conformanceFacts } from '@acs-rpc/ecs/conformance';
import { type Answer, asError, isJson, onError, rewrite, type Variant } from './variant.ts';

const isXml = (answer: Answer) => answer.text.trimStart().startsWith('<');

/** The flat XML error envelope as JSON text. */
function errorAsJson(answer: Answer): Answer {
  const fields = [...answer.text.matchAll(/<(\w+)>([^<]*)<\/\1>/g)].map(([, k, v]) => [
    k!,
    v!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  ]);
  return {
    ...answer,
    type: 'application/json;charset=utf-8',
    text: JSON.stringify(Object.fromEntries(fields)),
  };
}

/** Every JSON value of these kinds inside the body quoted (`40` → `"40"`), top level or nested. */
function quoted(answer: Answer, pattern: RegExp): Answer {
  if (answer.status !== 200 || !isJson(answer)) return answer;
  return {
    ...answer,
    text: answer.text.replace(pattern, (_m, key: string, value: string) => `${key}"${value}"`),
  };
}

export const FORMAT_VARIANTS: readonly Variant[] = [
  {
    name: 'accept-xml-ignored',
    category: 'formats',
    bug: 'without Format, an Accept header naming XML is ignored: V3 callers (no Format parameter) always get JSON',
    witness: 'a V3 GET with `Accept: application/xml` and no Format: answered with content type text/xml',
    serve: (call) =>
      !call.pairs.some(([k]) => k === 'Format') && call.format === 'XML'
        ? call.forward({ headers: { ...call.headers, accept: 'application/json' } })
        : call.forward(),
  },
  {
    name: 'format-case-sensitive',
    category: 'formats',
    bug: 'only Format=XML in upper case selects XML; Format=xml answers JSON',
    serve: rewrite((answer, call) => {
      const format = call.pairs.find(([k]) => k === 'Format')?.[1];
      return answer.status === 200 &&
        format !== undefined &&
        format !== 'XML' &&
        format.toUpperCase() === 'XML'
        ? call.resign(call.params, { format: 'JSON' })
        : answer;
    }),
  },
  {
    name: 'accept-beats-format',
    category: 'formats',
    bug: 'an Accept header naming XML wins over Format=JSON',
    witness: 'a V1 GET with Format=JSON and `Accept: application/xml`: answered in JSON',
    serve: rewrite((answer, call) => {
      const format = call.pairs.find(([k]) => k === 'Format')?.[1];
      return answer.status === 200 &&
        format?.toUpperCase() === 'JSON' &&
        /xml/i.test(call.headers.accept ?? '')
        ? call.resign(call.params, { format: 'XML' })
        : answer;
    }),
  },
  {
    name: 'xml-errors-in-json',
    category: 'formats',
    bug: 'errors are always JSON, even when XML was asked for',
    witness:
      'DescribeInstanceStatus Format=XML&RegionId=nowhere: InvalidRegionId.NotFound as an XML <Error> with content type text/xml',
    serve: rewrite((answer) => (answer.status >= 400 && isXml(answer) ? errorAsJson(answer) : answer)),
  },
  {
    name: 'xml-labelled-json',
    category: 'formats',
    bug: 'XML bodies go out with content type application/json (a hard-coded header)',
    serve: rewrite((answer) => (isXml(answer) ? { ...answer, type: 'application/json' } : answer)),
  },
  {
    name: 'json-labelled-text',
    category: 'formats',
    bug: 'JSON bodies go out with content type text/plain',
    serve: rewrite((answer) => (isJson(answer) ? { ...answer, type: 'text/plain;charset=utf-8' } : answer)),
  },
  {
    name: 'xml-root-generic',
    category: 'formats',
    bug: 'the XML success root is <Response> instead of the schema’s <ActionResponse> (xml.name)',
    witness: 'DescribeInstanceStatus Format=XML: the root element is <DescribeInstanceStatusResponse>',
    serve: rewrite((answer) =>
      answer.status === 200 && isXml(answer)
        ? { ...answer, text: answer.text.replace(/<(\/?)\w+Response>/g, '<$1Response>') }
        : answer,
    ),
  },
  {
    name: 'xml-error-root',
    category: 'formats',
    bug: 'the XML error root is <ErrorResponse> instead of <Error>',
    witness: 'DescribeInstanceStatus Format=XML&RegionId=nowhere: the root element is <Error>',
    serve: rewrite((answer) =>
      answer.status >= 400 && isXml(answer)
        ? { ...answer, text: answer.text.replace(/<(\/?)Error>/g, '<$1ErrorResponse>') }
        : answer,
    ),
  },
  {
    name: 'xml-text-unescaped',
    category: 'formats',
    bug: 'XML text is not escaped (the & of a Recommend URL goes out raw)',
    serve: rewrite((answer) =>
      isXml(answer) ? { ...answer, text: answer.text.replace(/&amp;/g, '&') } : answer,
    ),
  },
  {
    name: 'top-level-numbers-as-strings',
    category: 'formats',
    bug: 'TotalCount, PageNumber and PageSize are JSON strings',
    serve: rewrite((answer) => quoted(answer, /("(?:TotalCount|PageNumber|PageSize)":)(\d+)/g)),
  },
  {
    name: 'nested-numbers-as-strings',
    category: 'formats',
    bug: 'integers inside list items are JSON strings (a disk’s Size is "40")',
    witness:
      'DescribeDisks RegionId=cn-hangzhou: Disks.Disk[0].Size (and every integer of an item) is a JSON number',
    serve: rewrite((answer) => {
      if (answer.status !== 200 || !isJson(answer)) return answer;
      const start = answer.text.indexOf('":[{');
      if (start < 0) return answer;
      const head = answer.text.slice(0, start);
      const items = answer.text.slice(start).replace(/("\w+":)(-?\d+)(?=[,}])/g, '$1"$2"');
      return { ...answer, text: head + items };
    }),
  },
  {
    name: 'booleans-as-strings',
    category: 'formats',
    bug: 'JSON booleans are the strings "true" and "false"',
    witness:
      'DescribeZones RegionId=cn-hangzhou: Zones.Zone[0].AvailableResources.ResourcesInfo[0].IoOptimized is a JSON boolean',
    serve: rewrite((answer) => quoted(answer, /("\w+":)(true|false)(?=[,}\]])/g)),
  },
  {
    name: 'post-form-body-ignored',
    category: 'formats',
    bug: 'a V3 POST’s form body is not read: its parameters are missing',
    serve: async (call) =>
      call.signature === 'v3' && call.method === 'POST' && call.body !== ''
        ? call.resign(call.params.filter(([k]) => call.rawQuery.includes(`${k}=`)))
        : call.forward(),
  },
  {
    name: 'version-unchecked',
    category: 'formats',
    bug: 'any Version is served as the spec’s',
    serve: onError(['InvalidVersion'], (call) =>
      call.resign(call.params, { version: conformanceFacts.service.apiVersion }),
    ),
  },
  {
    name: 'any-method-served',
    category: 'formats',
    bug: 'PUT (or any method) is served like GET instead of UnsupportedHTTPMethod',
    serve: onError(['UnsupportedHTTPMethod'], (call) => call.resign()),
  },
  {
    name: 'v1-encodes-like-encodeuricomponent',
    category: 'formats',
    bug: "V1 canonicalizes with encodeURIComponent, which leaves ! ' ( ) * unencoded: valid requests with them are refused",
    serve: async (call) =>
      call.signature === 'v1' && call.pairs.some(([k, v]) => /[!'()*]/.test(k + v))
        ? asError(await call.resign(call.params, { secret: 'not-the-secret' }), 'SignatureDoesNotMatch', 400)
        : call.forward(),
  },
];
