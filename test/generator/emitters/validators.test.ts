// The generated validators, as users import them from the package: they accept the seed examples
// and name the parameter in every rejection.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  validateErrorEnvelope,
  validateDescribeInstanceStatusRequest as validateRequest,
  validateDescribeInstanceStatusResponse as validateResponse,
} from '@acs-rpc/ecs/validators';
import { describe, expect, it } from 'vitest';

const SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'shared', 'seeds');

/** Fenced code blocks of a seed page, in order: request, XML response, JSON response. */
function codeBlocks(file: string): string[] {
  const text = readFileSync(join(SEEDS, file), 'utf8');
  return [...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

const zh = codeBlocks('000_77a722b295032e2d.txt');
const en = codeBlocks('001_6afaa0423ac5ac02.txt');

describe('response validator', () => {
  it('accepts the Chinese seed JSON example exactly as published', () => {
    expect(validateResponse(JSON.parse(zh[2]!))).toEqual([]);
  });

  it('knows the English seed JSON example is malformed, and accepts it once corrected', () => {
    expect(() => JSON.parse(en[2]!)).toThrow(SyntaxError);
    const corrected = {
      RequestId: '6EF60BEC-0242-43AF-BB20-270359FB54A7',
      TotalCount: 2,
      PageNumber: 1, // the page spells it `Pagenumber`
      PageSize: 10,
      InstanceStatuses: {
        InstanceStatus: [
          { InstanceId: 'i-instance1', Status: 'Running' },
          { InstanceId: 'i-ae4r89pp', Status: 'Stopped' },
        ],
      },
    };
    expect(validateResponse(corrected)).toEqual([]);
    const { PageNumber: _, ...misspelt } = corrected;
    expect(validateResponse({ ...misspelt, Pagenumber: 1 })).toEqual([
      { path: 'PageNumber', message: 'is required' },
    ]);
  });

  it('rejects an unknown Status, naming the field', () => {
    const body = JSON.parse(zh[2]!);
    body.InstanceStatuses.InstanceStatus[1].Status = 'Exploded';
    expect(validateResponse(body)).toEqual([
      {
        path: 'InstanceStatuses.InstanceStatus[1].Status',
        message: 'must be one of "Pending", "Running", "Starting", "Stopping", "Stopped"',
      },
    ]);
  });

  it('checks the error envelope', () => {
    expect(validateErrorEnvelope({ RequestId: 'r', HostId: 'h', Code: 'c', Message: 'm' })).toEqual([]);
    expect(validateErrorEnvelope({ RequestId: 'r', Code: 'c', Message: 'm' })).toEqual([
      { path: 'HostId', message: 'is required' },
    ]);
  });
});

describe('request validator', () => {
  const ok = { RegionId: 'cn-hangzhou' };

  it('accepts the seed request examples', () => {
    expect(validateRequest({ RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-d' })).toEqual([]);
    expect(validateRequest(ok)).toEqual([]);
    expect(
      validateRequest({
        ...ok,
        ClusterId: 'cls-clusterid1',
        PageNumber: 1,
        PageSize: 50,
        InstanceId: ['i-1'],
      }),
    ).toEqual([]);
  });

  it.each([
    ['PageSize 0', { ...ok, PageSize: 0 }, { path: 'PageSize', message: 'must be >= 1' }],
    ['PageSize 51', { ...ok, PageSize: 51 }, { path: 'PageSize', message: 'must be <= 50' }],
    ['PageSize "abc"', { ...ok, PageSize: 'abc' }, { path: 'PageSize', message: 'must be integer' }],
    ['PageSize 1.5', { ...ok, PageSize: 1.5 }, { path: 'PageSize', message: 'must be integer' }],
    ['PageNumber 0', { ...ok, PageNumber: 0 }, { path: 'PageNumber', message: 'must be >= 1' }],
    ['missing RegionId', { PageSize: 10 }, { path: 'RegionId', message: 'is required' }],
    [
      '101 InstanceIds',
      { ...ok, InstanceId: Array.from({ length: 101 }, (_, i) => `i-${i}`) },
      { path: 'InstanceId', message: 'must NOT have more than 100 items' },
    ],
    [
      'an empty InstanceId',
      { ...ok, InstanceId: ['i-1', ''] },
      { path: 'InstanceId[1]', message: 'must NOT have fewer than 1 characters' },
    ],
    ['an unknown parameter', { ...ok, PageSzie: 10 }, { path: 'PageSzie', message: 'is not allowed' }],
  ])('rejects %s, naming the parameter', (_name, input, issue) => {
    expect(validateRequest(input)).toEqual([issue]);
  });

  it('reports every problem at once', () => {
    expect(validateRequest({ PageSize: 0, PageNumber: 0 }).map((i) => i.path)).toEqual([
      'RegionId',
      'PageNumber',
      'PageSize',
    ]);
  });

  it('accepts exactly 100 InstanceIds', () => {
    expect(validateRequest({ ...ok, InstanceId: Array.from({ length: 100 }, (_, i) => `i-${i}`) })).toEqual(
      [],
    );
  });
});
