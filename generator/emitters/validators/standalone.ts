// ajv standalone code for the model's validators, made pure ESM. ajv's `esm` output still calls
// require() for its runtime helpers (ajv#1976, ajv#2209); each is replaced by an import of our own
// equivalent, and any helper we do not know stops generation rather than ship a require().

import type { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { ServiceModel } from '../../model/types.ts';
import type { ValidatorSchema } from '../../model/validation-schemas.ts';
import { runtimeModule, validatorName } from '../naming.ts';

const RUNTIME_HELPERS: Readonly<Record<string, { module: string; name: string }>> = {
  ucs2length: { module: runtimeModule('ucs2length'), name: 'ucs2length' },
};
// A CommonJS module: under NodeNext its function is the `default` of the default import.
const standaloneCode = standaloneModule.default;
const REQUIRE = /require\("ajv\/dist\/runtime\/([a-z0-9_]+)"\)\.default/g;

/** One ESM module exporting the given validators. */
export function standaloneValidators(
  model: ServiceModel,
  ajv: Ajv2020,
  schemas: readonly ValidatorSchema[],
): string {
  const exports = Object.fromEntries(schemas.map((v) => [validatorName(model, v), v.id]));
  const code = standaloneCode(ajv, exports);
  const used = new Set<string>();
  const rewritten = code.replace(REQUIRE, (_match: string, helper: string) => {
    const known = RUNTIME_HELPERS[helper];
    if (known === undefined) throw new Error(`ajv runtime helper "${helper}" has no ESM replacement`);
    used.add(helper);
    return known.name;
  });
  if (rewritten.includes('require(')) throw new Error('ajv standalone code still calls require()');
  const imports = [...used]
    .sort()
    .map((h) => `import { ${RUNTIME_HELPERS[h]!.name} } from ${JSON.stringify(RUNTIME_HELPERS[h]!.module)};`);
  // ES modules are strict already; the directive would sit after the imports and mean nothing.
  const body = markPure(stripEvaluated(stripSchemaPaths(stripSourceUrls(rewritten)))).replace(
    /^"use strict";\n?/,
    '',
  );
  return `${[...imports, body].join('\n')}\n`;
}

/** ajv makes each pattern's RegExp once, at module level: a call a bundler keeps even when no
 * validator that tests it is used, unless told that it has no side effect (every bundler reads the
 * annotation). Building a RegExp from a pattern the spec check compiled already has none. */
function markPure(code: string): string {
  return code.replaceAll(' = new RegExp(', ' = /*#__PURE__*/ new RegExp(');
}

/**
 * Whether a bundler can drop every validator of the module a program does not use: what ajv leaves
 * at module level is then functions, literal schemas, helpers read from a module or a global, and
 * pure-marked RegExps. An evaluation tag stripEvaluated had to keep is an assignment, which holds
 * its validator (and all it calls) in every bundle.
 */
export function treeShakable(code: string): boolean {
  return !code.includes('evaluated');
}

/** ajv tags each function with its schema id as a sourceURL comment; it says nothing to a reader. */
function stripSourceUrls(code: string): string {
  return code.replace(/\/\*# sourceURL="[^"]*" \*\//g, '');
}

/** Each error object names the schema keyword's path; issues are built from the instance path, the
 * keyword and its params (runtime/validation.ts), so the path is bytes in every bundle for nothing. */
function stripSchemaPaths(code: string): string {
  return code.replace(/schemaPath:"(?:[^"\\]|\\.)*",/g, '');
}

const EVALUATED_PROLOGUE =
  /const (evaluated\d+) = (validate\d+)\.evaluated;\nif\(\1\.dynamicProps\)\{\n\1\.props = undefined;\n\}\nif\(\1\.dynamicItems\)\{\n\1\.items = undefined;\n\}\n/g;
const EVALUATED_TAG =
  /^validate\d+\.evaluated = \{"props":true,"dynamicProps":false,"dynamicItems":false\};\n/gm;

/**
 * ajv's 2020 mode tags every validator with what it evaluated, for `unevaluatedProperties` and
 * `$dynamicRef`, and starts each by resetting the tag's dynamic parts. The binding has neither keyword:
 * every tag says "nothing dynamic" and every reset is dead code that each bundle would carry. Both
 * go; if anything else reads a tag, the code is kept as ajv wrote it.
 */
function stripEvaluated(code: string): string {
  const stripped = code.replace(EVALUATED_PROLOGUE, '').replace(EVALUATED_TAG, '');
  return stripped.includes('evaluated') ? code : stripped;
}
