// Turns the errors of the generated validators (ajv's errors, schema-check.ts) into issues named by
// parameter or field path.
import type { Validate, ValidationIssue } from './descriptors.js';
import { ajvMessage } from './validation-message.js';

/** The part of an ajv error object the issues are built from. */
export interface AjvErrorLike {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Absent from the generated validators' errors (validation-message.ts says them). */
  readonly message?: string | undefined;
  /** Set on the errors of a `propertyNames` schema, beside the `propertyNames` error itself. */
  readonly propertyName?: string | undefined;
}

/** A validator of a schema (schema-check.ts): true or false, and the errors of the last call. */
export interface SchemaValidate {
  (data: unknown): boolean;
  errors?: readonly AjvErrorLike[] | null;
}

export function toIssues(validate: SchemaValidate, value: unknown): ValidationIssue[] {
  if (validate(value)) return [];
  // A bad map key gives the `propertyNames` error and its schema's own; the first says it all.
  return (validate.errors ?? []).filter((e) => e.propertyName === undefined).map(toIssue);
}

/**
 * A validator loaded on first use (a descriptor's `loadResponseValidator`): the module loaded is ajv's
 * code alone, and its errors become issues here. Were the module to import this file itself, a bundler
 * splitting code would move this file into a chunk of its own, one more file every call loads.
 */
export function issuesOf(validate: SchemaValidate): Validate {
  return (value) => toIssues(validate, value);
}

function toIssue(error: AjvErrorLike): ValidationIssue {
  const segments =
    error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapeSegment);
  switch (error.keyword) {
    case 'required':
      return {
        path: formatPath([...segments, String(error.params.missingProperty)]),
        message: 'is required',
      };
    case 'additionalProperties':
      return {
        path: formatPath([...segments, String(error.params.additionalProperty)]),
        message: 'is not allowed',
      };
    case 'propertyNames':
      return {
        path: formatPath([...segments, String(error.params.propertyName)]),
        message: 'is not a key the wire can carry: flattened map keys are not empty and hold no dot',
      };
    case 'enum':
      return {
        path: formatPath(segments),
        message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { path: formatPath(segments), message: error.message ?? ajvMessage(error) };
  }
}

/** `['InstanceStatuses', 'InstanceStatus', '0', 'Status']` → `InstanceStatuses.InstanceStatus[0].Status`. */
export function formatPath(segments: readonly string[]): string {
  let path = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
