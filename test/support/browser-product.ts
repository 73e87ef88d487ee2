// The generated product package the browser tests bundle, taken generically: the first package under
// generated/ with a seed in spec/seeds/ (the one the reference server can serve with state), its
// exported names read from the package itself, and a call the seeded server answers with items: the
// first action that lists a seeded resource, given the seed's first scope.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeed, type Seed } from '../../server/state/seed.ts';
import type { ActionFacts, ConformanceFacts } from '../../templates/conformance/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export interface BrowserProduct {
  /** The npm name a user imports (`@acs-rpc/<dir>`). */
  readonly packageName: string;
  readonly seedFile: string;
  readonly seed: Seed;
  readonly facts: ConformanceFacts;
  readonly bareClient: string;
  readonly fullClient: string;
  /** The listing action: its facts, the command class that sends it and an input the seed answers. */
  readonly action: ActionFacts;
  readonly command: string;
  readonly input: Readonly<Record<string, string>>;
}

interface Command {
  readonly action: { readonly name: string };
}

export async function browserProduct(): Promise<BrowserProduct> {
  const dir = readdirSync(join(ROOT, 'generated'))
    .sort()
    .find((d) => existsSync(join(ROOT, 'spec', 'seeds', `${d}.yaml`)));
  if (dir === undefined) throw new Error('no package under generated/ has a seed in spec/seeds/');
  const packageName = (
    JSON.parse(readFileSync(join(ROOT, 'generated', dir, 'package.json'), 'utf8')) as { name: string }
  ).name;
  const seedFile = join(ROOT, 'spec', 'seeds', `${dir}.yaml`);
  const seed = await loadSeed(seedFile);
  const exports = (await import(packageName)) as Record<string, unknown>;
  const { conformanceFacts: facts } = (await import(`${packageName}/conformance`)) as {
    conformanceFacts: ConformanceFacts;
  };
  const names = Object.keys(exports).sort();
  const scope = seed.scopes[0];
  const given: Record<string, string> = scope === undefined ? {} : { [scope.key]: scope.value };
  const action = facts.actions.find(
    (a) =>
      a.lists !== undefined &&
      (seed.resources[a.lists.resource]?.length ?? 0) > 0 &&
      a.params.every((p) => !p.required || p.name in given),
  );
  if (action === undefined) throw new Error(`${packageName} has no listing action its seed answers`);
  const command = names.find((n) => {
    const made = n.endsWith('Command') ? construct(exports[n]) : undefined;
    return made?.action.name === action.descriptor.name;
  });
  return {
    packageName,
    seedFile,
    seed,
    facts,
    bareClient: only(
      names.filter((n) => n.endsWith('BareClient')),
      'bare client',
    ),
    fullClient: only(
      names.filter((n) => n.endsWith('Client') && !n.endsWith('BareClient')),
      'client',
    ),
    action,
    command: only(command === undefined ? [] : [command], `command of ${action.descriptor.name}`),
    input: Object.fromEntries(
      action.params.filter((p) => p.name in given).map((p) => [p.name, given[p.name]!]),
    ),
  };
}

function construct(value: unknown): Command | undefined {
  if (typeof value !== 'function') return undefined;
  const made = new (value as new (input: object) => Partial<Command>)({});
  return typeof made.action?.name === 'string' ? (made as Command) : undefined;
}

function only(names: readonly string[], what: string): string {
  if (names.length !== 1) throw new Error(`expected one ${what} export, found ${JSON.stringify(names)}`);
  return names[0]!;
}
