// The guards generated packages build on: true only for a service error of the product (and action)
// named, with the code when one is given; and, checked by `npm run typecheck`, `code` narrowed.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { serviceErrorGuard } from '../../../templates/runtime/error-guard.ts';
import { AcsError, AcsServiceError } from '../../../templates/runtime/errors.ts';

type WidgetsCode = 'InvalidThing.NotFound' | 'Throttling.User';
type DescribeThingsCode = 'InvalidThing.NotFound';
const isWidgetsError = serviceErrorGuard<WidgetsCode>('Widgets');
const isDescribeThingsError = serviceErrorGuard<DescribeThingsCode>('Widgets', 'DescribeThings');

const answered = (code: string, product = 'Widgets', action = 'DescribeThings') =>
  new AcsServiceError({ code, message: code, product, action });

describe('serviceErrorGuard', () => {
  it.each<[string, unknown, boolean]>([
    ['a service error of the product', answered('Throttling.User'), true],
    ['an undocumented code of the product', answered('Brand.New'), true],
    ['another product’s error', answered('Throttling.User', 'Gadgets'), false],
    ['a client-side error', new AcsError({ code: 'Client.Timeout', message: 't' }), false],
    [
      'a service error with no product (made by hand)',
      new AcsServiceError({ code: 'X', message: 'x' }),
      false,
    ],
    ['not an error at all', { code: 'Throttling.User', product: 'Widgets' }, false],
  ])('is%s → %s', (_name, error, want) => {
    expect(isWidgetsError(error)).toBe(want);
  });

  it('with a code, is true for that code only', () => {
    expect(isWidgetsError(answered('Throttling.User'), 'Throttling.User')).toBe(true);
    expect(isWidgetsError(answered('Throttling.User'), 'InvalidThing.NotFound')).toBe(false);
  });

  it('for an action, is true for that action’s errors only', () => {
    expect(isDescribeThingsError(answered('InvalidThing.NotFound'))).toBe(true);
    expect(isDescribeThingsError(answered('InvalidThing.NotFound', 'Widgets', 'CreateThing'))).toBe(false);
  });

  it('narrows the type: the documented union, then the literal', () => {
    const e: unknown = answered('InvalidThing.NotFound');
    if (isWidgetsError(e)) {
      expectTypeOf(e).toEqualTypeOf<AcsServiceError<WidgetsCode>>();
      expectTypeOf<'Throttling.User'>().toExtend<typeof e.code>();
    }
    if (isWidgetsError(e, 'Throttling.User')) expectTypeOf(e.code).toEqualTypeOf<'Throttling.User'>();
    if (isDescribeThingsError(e, 'InvalidThing.NotFound'))
      expectTypeOf(e.code).toEqualTypeOf<'InvalidThing.NotFound'>();
    // @ts-expect-error: a code the action does not document is refused at compile time
    isDescribeThingsError(e, 'Throttling.User');
  });

  it('serializes product and action with the error', () => {
    expect(answered('X').toJSON()).toMatchObject({ code: 'X', product: 'Widgets', action: 'DescribeThings' });
  });
});
