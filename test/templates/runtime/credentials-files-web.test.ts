// The credentials files where there is no file system (browsers, workers, edge): nothing read, and a
// reason the default chain's error can show beside the places it did look.
import { describe, expect, it } from 'vitest';
import { readIniProfile, readProfile } from '../../../templates/runtime/credentials-files-web.ts';

describe('readProfile without a file system', () => {
  it.each<[string, string | undefined, string | undefined, string]>([
    ['the defaults', undefined, undefined, 'profile "default" of ~/.aliyun/config.json'],
    ['a named profile and file', '/cfg.json', 'ci', 'profile "ci" of /cfg.json'],
  ])('names where it would have looked, with %s, and finds nothing', async (_name, file, profile, where) => {
    expect(await readProfile(file, profile, { HOME: '/home/u' })).toEqual({
      where,
      reason: 'no file system in this runtime; give credentials explicitly or through a provider',
    });
  });
});

describe('readIniProfile without a file system', () => {
  it('names the file it would have read, from the option, the environment or the default', async () => {
    const reason = 'no file system in this runtime; give credentials explicitly or through a provider';
    expect(await readIniProfile('/c.ini', 'p', {})).toEqual({ where: 'profile "p" of /c.ini', reason });
    expect(await readIniProfile(undefined, undefined, { ALIBABA_CLOUD_CREDENTIALS_FILE: '/e.ini' })).toEqual({
      where: 'profile "default" of /e.ini',
      reason,
    });
    expect(await readIniProfile(undefined, undefined, {})).toEqual({
      where: 'profile "default" of ~/.alibabacloud/credentials',
      reason,
    });
  });
});
