// Response and error bugs: the error envelope (RequestId, HostId, Code, Message required), the HTTP
// status each code comes with, RequestId unique per response, and the shape of success bodies
// (spec/README.md, Responses and Error codes).
import {
  type Answer,
  asError,
  dropField,
  isJson,
  onError,
  rewrite,
  setText,
  type Variant,
} from './variant.ts';

const isError = (answer: Answer) => answer.status >= 400;

export const RESPONSE_VARIANTS: readonly Variant[] = [
  {
    name: 'requestid-reused',
    category: 'responses',
    bug: 'every success carries the same RequestId',
    serve: rewrite((answer) =>
      answer.status === 200 ? { ...answer, text: setText(answer.text, 'RequestId', 'SAME') } : answer,
    ),
  },
  {
    name: 'requestid-counter-wraps',
    category: 'responses',
    bug: 'RequestId comes from a counter that wraps at 512',
    serve: async (call, seen) => {
      const answer = await call.forward();
      return answer.status === 200
        ? { ...answer, text: setText(answer.text, 'RequestId', `REQ-${String(seen % 512).padStart(4, '0')}`) }
        : answer;
    },
  },
  {
    name: 'error-requestid-fixed',
    category: 'responses',
    bug: 'every error carries the same RequestId (the error path never makes one)',
    witness: 'two requests with RegionId=nowhere: two InvalidRegionId.NotFound with different RequestIds',
    serve: rewrite((answer) =>
      isError(answer)
        ? { ...answer, text: setText(answer.text, 'RequestId', '00000000-0000-0000-0000-000000000000') }
        : answer,
    ),
  },
  {
    name: 'hostid-missing',
    category: 'responses',
    bug: 'errors have no HostId',
    serve: rewrite((answer) =>
      isError(answer) ? { ...answer, text: dropField(answer.text, 'HostId') } : answer,
    ),
  },
  {
    name: 'error-requestid-missing',
    category: 'responses',
    bug: 'errors have no RequestId',
    serve: rewrite((answer) =>
      isError(answer) ? { ...answer, text: dropField(answer.text, 'RequestId') } : answer,
    ),
  },
  {
    name: 'error-message-missing',
    category: 'responses',
    bug: 'errors have no Message',
    serve: rewrite((answer) =>
      isError(answer) ? { ...answer, text: dropField(answer.text, 'Message') } : answer,
    ),
  },
  {
    name: 'not-found-status-400',
    category: 'responses',
    bug: 'InvalidRegionId.NotFound comes with HTTP 400 instead of 404',
    serve: onError(['InvalidRegionId.NotFound'], (_call, answer) => ({ ...answer, status: 400 })),
  },
  {
    name: 'unknown-action-status-400',
    category: 'responses',
    bug: 'InvalidAction.NotFound comes with HTTP 400 instead of 404',
    serve: onError(['InvalidAction.NotFound'], (_call, answer) => ({ ...answer, status: 400 })),
  },
  {
    name: 'errors-with-status-200',
    category: 'responses',
    bug: 'errors come with HTTP 200 (the envelope alone says it failed)',
    serve: rewrite((answer) => (isError(answer) ? { ...answer, status: 200 } : answer)),
  },
  {
    name: 'generic-not-found-message',
    category: 'responses',
    bug: 'every NotFound code has the message "Resource not found." instead of the spec’s',
    serve: rewrite((answer) =>
      isError(answer) && /NotFound/.test(answer.text)
        ? { ...answer, text: setText(answer.text, 'Message', 'Resource not found.') }
        : answer,
    ),
  },
  {
    name: 'malformed-integer-500',
    category: 'responses',
    bug: 'an integer parameter that is not a number fails inside the server: HTTP 500 InternalError',
    serve: onError(['InvalidParameter'], (call, answer) => {
      const bad = call.params.some(
        ([k, v]) => /^(PageNumber|PageSize|MaxResults)$/.test(k) && !/^-?\d+$/.test(v),
      );
      return bad ? asError(answer, 'InternalError', 500) : answer;
    }),
  },
  {
    name: 'error-content-type-html',
    category: 'responses',
    bug: 'JSON errors go out with content type text/html (the framework’s default for error pages)',
    witness:
      'DescribeInstanceStatus RegionId=nowhere (JSON): InvalidRegionId.NotFound with content type application/json',
    serve: rewrite((answer) =>
      isError(answer) && isJson(answer) ? { ...answer, type: 'text/html;charset=utf-8' } : answer,
    ),
  },
  {
    name: 'empty-list-omitted',
    category: 'responses',
    bug: 'an empty item list is left out of the JSON body (InstanceStatuses: {})',
    serve: rewrite((answer) =>
      answer.status === 200 && isJson(answer)
        ? {
            ...answer,
            text: answer.text.replace(
              /"InstanceStatuses":\{"InstanceStatus":\[\]\}/,
              '"InstanceStatuses":{}',
            ),
          }
        : answer,
    ),
  },
  {
    name: 'one-item-as-object',
    category: 'responses',
    bug: 'a list of one item is written as the item itself (an XML-to-JSON converter’s habit)',
    serve: rewrite((answer) =>
      answer.status === 200 && isJson(answer)
        ? {
            ...answer,
            text: answer.text.replace(/"InstanceStatus":\[(\{[^\]]*?\})\]/, (m, item: string) =>
              item.includes('},{') ? m : `"InstanceStatus":${item}`,
            ),
          }
        : answer,
    ),
  },
  {
    name: 'xml-list-wrapper-missing',
    category: 'responses',
    bug: 'XML list items are written without their wrapper element (<InstanceStatuses>)',
    serve: rewrite((answer) => ({ ...answer, text: answer.text.replace(/<\/?InstanceStatuses>/g, '') })),
  },
];
