// ajv's own English for a validation error, said from its keyword and params: the generated
// validators are compiled without messages (a sentence beside every check of every validator, in every
// bundle), and the words people read in a ValidationError stay the ones ajv would have written.
// One case per error the supported schema keywords can raise (spec/README.md, Supported schema keywords)
// but the four validation.ts words itself (required, additionalProperties, propertyNames, enum);
// written for size, since it is in every bundle that validates.

/** The part of an ajv error a message is said from. */
export interface AjvErrorFacts {
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export function ajvMessage({ keyword, params: p }: AjvErrorFacts): string {
  const bound = `must NOT have ${keyword.startsWith('max') ? 'more' : 'fewer'} than ${p.limit}`;
  switch (keyword) {
    case 'type':
      return `must be ${p.type}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${p.comparison} ${p.limit}`;
    case 'minLength':
    case 'maxLength':
      return `${bound} characters`;
    case 'minItems':
    case 'maxItems':
      return `${bound} items`;
    case 'pattern':
      return `must match pattern "${p.pattern}"`;
    case 'uniqueItems':
      return `must NOT have duplicate items (items ## ${p.j} and ${p.i} are identical)`;
    case 'const':
      return 'must be equal to constant';
  }
  return `fails ${keyword}`;
}
