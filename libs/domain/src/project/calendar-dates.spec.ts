import { DomainError, ERROR_CODES } from '../errors';
import { requireDate } from './calendar-dates';

describe('requireDate', () => {
  it('accepts real calendar dates, leap days included', () => {
    expect(requireDate('2026-02-28', 'signedOn')).toBe('2026-02-28');
    expect(requireDate('2028-02-29', 'signedOn')).toBe('2028-02-29');
  });

  it.each(['2026-13-01', '2026-00-10', '2026-02-30', '2026-04-31', '2026-01-32', '2027-02-29', '2026-1-01', 20260101, null])(
    'refuses %p with a validation error naming the field (never a RangeError)',
    (value) => {
      let error: unknown;
      try {
        requireDate(value, 'signedOn');
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: ERROR_CODES.VALIDATION_FAILED, field: 'signedOn' });
    },
  );
});
