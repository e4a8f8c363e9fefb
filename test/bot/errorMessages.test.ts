import assert from 'node:assert/strict';
import * as errors from '../../bot/policy/errors';
import { userMessageFor } from '../../bot/presentation/errorMessages';
import { Localizer } from '../../bot/presentation/i18n';

describe('Error messages users read', () => {
  const localizer = new Localizer();
  const typed = (Object.values(errors) as unknown[]).filter(
    (value): value is new (message: string) => errors.AppError => typeof value === 'function' && value.prototype instanceof errors.AppError,
  );

  it('cover every typed error', () => {
    assert.ok(typed.length >= 12);
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`exist in ${locale} for every typed error, with the support reference`, () => {
      for (const ErrorType of typed) {
        // An error whose message needs params declares an example of them.
        const example = (ErrorType as { example?: Record<string, string> }).example;
        const text = userMessageFor(
          new (ErrorType as new (message: string, params?: Record<string, string>) => errors.AppError)('technical detail: code 42', example),
          locale,
          localizer,
          'corr-1',
        );
        assert.match(text, /corr-1/, ErrorType.name);
        assert.doesNotMatch(text, /\{\w+\}/, `${ErrorType.name} leaves a placeholder unfilled`);
      }
    });
  }

  it("give Graph's reason for a refused request, without the technical prefix", () => {
    const text = userMessageFor(new errors.InvalidRequest('assigning a licence: Invalid value for usageLocation.'), 'en', localizer, 'c');
    assert.match(text, /^Microsoft 365 refused the request: Invalid value for usageLocation\./);
  });

  it('never show the details of an unexpected error', () => {
    const text = userMessageFor(new TypeError('Cannot read properties of undefined (reading "x")'), 'fr', localizer, 'corr-2');
    assert.doesNotMatch(text, /undefined/);
    assert.match(text, /corr-2/);
  });

  it('say a storage fault changed nothing', () => {
    assert.match(userMessageFor(new errors.StorageFault('x'), 'fr', localizer, 'c'), /Rien n'a été modifié/);
    assert.match(userMessageFor(new errors.StorageFault('x'), 'en', localizer, 'c'), /Nothing was changed/);
  });
});
