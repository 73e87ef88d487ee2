// Pagination bugs: page numbers and sizes, TotalCount, the last page, and tokens (x-acs-rpc
// pagination: pageNumber style for DescribeInstanceStatus, token style for DescribeDisks).
import { emptyPage } from './parameters.ts';
import {
  type Answer,
  type Call,
  editJson,
  errorFor,
  isJson,
  messageOf,
  param,
  rewrite,
  type Variant,
  valueAt,
  withParam,
} from './variant.ts';

const FILTERS = /^(ZoneId|ClusterId|InstanceId\.\d+)$/;

function count(answer: Answer): number | undefined {
  const m = /"TotalCount":(\d+)|<TotalCount>(\d+)<\/TotalCount>/.exec(answer.text);
  return m === null ? undefined : Number(m[1] ?? m[2]);
}

function setCount(answer: Answer, total: number): Answer {
  return {
    ...answer,
    text: answer.text
      .replace(/"TotalCount":\d+/, `"TotalCount":${total}`)
      .replace(/<TotalCount>\d+<\/TotalCount>/, `<TotalCount>${total}</TotalCount>`),
  };
}

/** A DescribeDisks JSON page: its items and next token. */
function disks(answer: Answer): { items: unknown[]; next: string } | undefined {
  if (answer.status !== 200 || !isJson(answer) || !answer.text.includes('"Disks"')) return undefined;
  const body = JSON.parse(answer.text) as unknown;
  const items = valueAt(body, ['Disks', 'Disk']);
  const next = valueAt(body, ['NextToken']);
  return { items: Array.isArray(items) ? items : [], next: typeof next === 'string' ? next : '' };
}

const pageNumbered = (call: Call) => call.action === 'DescribeInstanceStatus';

export const PAGINATION_VARIANTS: readonly Variant[] = [
  {
    name: 'totalcount-off-by-one',
    category: 'pagination',
    bug: 'TotalCount is one more than the items there are',
    serve: rewrite((answer) => {
      const total = count(answer);
      return answer.status === 200 && total !== undefined ? setCount(answer, total + 1) : answer;
    }),
  },
  {
    name: 'page-repeats-last-item',
    category: 'pagination',
    bug: 'each page after the first starts with the previous page’s last item (an inclusive offset)',
    serve: rewrite(async (answer, call) => {
      const page = Number(param(call, 'PageNumber') ?? 1);
      if (answer.status !== 200 || !isJson(answer) || page < 2 || !pageNumbered(call)) return answer;
      const previous = JSON.parse(
        (await call.resign(withParam(call, 'PageNumber', String(page - 1)))).text,
      ) as { InstanceStatuses: { InstanceStatus: unknown[] } };
      const last = previous.InstanceStatuses.InstanceStatus.at(-1);
      return editJson(answer, (body) => {
        const list = valueAt(body, ['InstanceStatuses', 'InstanceStatus']) as unknown[];
        if (last !== undefined && list.length > 0) list[0] = last;
      });
    }),
  },
  {
    name: 'page-number-zero-based',
    category: 'pagination',
    bug: 'PageNumber counts from 0: PageNumber=1 answers the second page',
    serve: rewrite(async (answer, call) => {
      const page = param(call, 'PageNumber');
      if (answer.status !== 200 || page === undefined || !pageNumbered(call)) return answer;
      const shifted = await call.resign(withParam(call, 'PageNumber', String(Number(page) + 1)));
      return {
        ...shifted,
        text: shifted.text
          .replace(/"PageNumber":\d+/, `"PageNumber":${page}`)
          .replace(/<PageNumber>\d+<\/PageNumber>/, `<PageNumber>${page}</PageNumber>`),
      };
    }),
  },
  {
    name: 'last-partial-page-empty',
    category: 'pagination',
    bug: 'the number of pages is rounded down: a last page that is not full comes back empty',
    serve: rewrite((answer, call) => {
      const total = count(answer);
      const page = Number(param(call, 'PageNumber') ?? 1);
      const size = Number(param(call, 'PageSize') ?? 10);
      if (answer.status !== 200 || total === undefined || !pageNumbered(call)) return answer;
      const partial = page * size > total && (page - 1) * size < total;
      return partial ? setCount(emptyPage(answer, call.action), total) : answer;
    }),
  },
  {
    name: 'totalcount-ignores-filters',
    category: 'pagination',
    bug: 'TotalCount is the region’s count whatever the filters',
    serve: rewrite(async (answer, call) => {
      if (answer.status !== 200 || !pageNumbered(call) || !call.params.some(([k]) => FILTERS.test(k)))
        return answer;
      const all = count(await call.resign(call.params.filter(([k]) => !FILTERS.test(k))));
      return all === undefined ? answer : setCount(answer, all);
    }),
  },
  {
    name: 'page-size-echo-default',
    category: 'pagination',
    bug: 'the PageSize echoed is always the default 10, whatever was asked',
    serve: rewrite((answer) =>
      answer.status === 200
        ? {
            ...answer,
            text: answer.text
              .replace(/"PageSize":\d+/, '"PageSize":10')
              .replace(/<PageSize>\d+<\/PageSize>/, '<PageSize>10</PageSize>'),
          }
        : answer,
    ),
  },
  {
    name: 'default-page-size-20',
    category: 'pagination',
    bug: 'without PageSize a page has 20 items instead of the spec’s default 10',
    serve: rewrite((answer, call) =>
      answer.status === 200 && pageNumbered(call) && param(call, 'PageSize') === undefined
        ? call.resign(withParam(call, 'PageSize', '20'))
        : answer,
    ),
  },
  {
    name: 'page-past-end-refused',
    category: 'pagination',
    bug: 'a page past the last is InvalidParameter naming PageNumber instead of an empty page',
    serve: rewrite((answer, call) => {
      const page = Number(param(call, 'PageNumber') ?? 1);
      const size = Number(param(call, 'PageSize') ?? 10);
      const total = count(answer);
      return answer.status === 200 &&
        pageNumbered(call) &&
        total !== undefined &&
        (page - 1) * size >= total &&
        page > 1
        ? errorFor(
            call,
            'InvalidParameter',
            400,
            messageOf('InvalidParameter').replace('{Name}', 'PageNumber'),
          )
        : answer;
    }),
  },
  {
    name: 'next-token-loops',
    category: 'pagination',
    bug: 'the last page of a token walk hands back the token it was asked with, so the walk never ends',
    serve: rewrite((answer, call) => {
      const token = param(call, 'NextToken');
      const page = disks(answer);
      return token !== undefined && page !== undefined && page.next === '' && page.items.length > 0
        ? editJson(answer, (body) => {
            body.NextToken = token;
          })
        : answer;
    }),
  },
  {
    name: 'next-token-on-last-page',
    category: 'pagination',
    bug: 'the last page still hands back a token, which then answers an empty page (the spec: empty or absent on the last page)',
    witness:
      'DescribeDisks RegionId=cn-hangzhou&MaxResults=500, following NextToken to the page holding the last disk: its NextToken is empty',
    serve: async (call) => {
      if (param(call, 'NextToken') === 'mutant-end') {
        const first = await call.resign(withParam(call, 'NextToken', undefined));
        return editJson(first, (body) => {
          (body.Disks as { Disk: unknown[] }).Disk = [];
          body.NextToken = '';
        });
      }
      const answer = await call.forward();
      const page = disks(answer);
      return page !== undefined && page.next === '' && page.items.length > 0
        ? editJson(answer, (body) => {
            body.NextToken = 'mutant-end';
          })
        : answer;
    },
  },
  {
    name: 'max-results-ignored',
    category: 'pagination',
    bug: 'DescribeDisks ignores MaxResults: every page has the default 10 disks',
    serve: rewrite((answer, call) =>
      answer.status === 200 && call.action === 'DescribeDisks' && param(call, 'MaxResults') !== undefined
        ? call.resign(withParam(call, 'MaxResults', undefined))
        : answer,
    ),
  },
];
