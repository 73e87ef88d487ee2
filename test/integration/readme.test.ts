// Each generated package's README shows a call its own validator refuses: run it, for every package.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const GENERATED = join(import.meta.dirname, '..', '..', 'generated');
const packages = readdirSync(GENERATED).filter((name) => {
  try {
    return readFileSync(join(GENERATED, name, 'README.md'), 'utf8').includes('const issues =');
  } catch {
    return false;
  }
});

describe.each(packages)('the README of generated/%s', (name) => {
  it('shows a request its validator refuses, at the parameter it names', async () => {
    const readme = readFileSync(join(GENERATED, name, 'README.md'), 'utf8');
    const call = /const issues = (\w+)\((.*)\);\n\/\/ one issue, at path '([^']+)'/.exec(readme);
    expect(call).not.toBeNull();
    const [, validator, literal, path] = call as unknown as [string, string, string, string];
    const pkg = (await import(join(GENERATED, name, 'dist', 'index.js'))) as Record<string, unknown>;
    const validate = pkg[validator] as (value: unknown) => readonly { path: string }[];
    const request: unknown = new Function(`return (${literal});`)();
    expect(validate(request).map((i) => i.path)).toEqual([path]);
  });
});
