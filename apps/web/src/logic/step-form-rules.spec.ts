import {
  amountProblem,
  happenedDateProblem,
  intakeDecisionProblem,
  negotiationOutcomeProblem,
  plannedDateProblem,
  previousCommitted,
  requiredText,
  spaceProblem,
} from './step-form-rules';

/** 2026-03-10 16:30 UTC is already 2026-03-11 00:30 in Shanghai. */
const LATE_EVENING_UTC = Date.parse('2026-03-10T16:30:00.000Z');

describe('step form rules', () => {
  it('requires non-blank text', () => {
    expect(requiredText('  ')).toEqual({ key: 'step.rule.required' });
    expect(requiredText(undefined)).toEqual({ key: 'step.rule.required' });
    expect(requiredText('原因')).toBeNull();
  });

  it('needs the reason of a rejection and what is missing for a request, and nothing else', () => {
    expect(intakeDecisionProblem('reject', 'reason', '')).toEqual({ key: 'step.rule.required' });
    expect(intakeDecisionProblem('reject', 'reason', '不符合产业定位')).toBeNull();
    expect(intakeDecisionProblem('reject', 'missing', '')).toBeNull();
    expect(intakeDecisionProblem('request_info', 'missing', ' ')).toEqual({ key: 'step.rule.required' });
    expect(intakeDecisionProblem('accept', 'reason', '')).toBeNull();
    expect(negotiationOutcomeProblem('lost', '')).toEqual({ key: 'step.rule.required' });
    expect(negotiationOutcomeProblem('proceed', '')).toBeNull();
  });

  it('bounds amounts: above zero (or zero allowed), a maximum inclusive, decimal places', () => {
    expect(amountProblem(0, { max: 10 })).toEqual({ key: 'step.rule.positive' });
    expect(amountProblem(0.0001, { max: 10, places: 4 })).toBeNull();
    expect(amountProblem(0.00001, { max: 10, places: 4 })).toEqual({ key: 'step.rule.decimals', params: { places: 4 } });
    expect(amountProblem(10, { max: 10 })).toBeNull();
    expect(amountProblem(10.01, { max: 10 })).toEqual({ key: 'step.rule.max', params: { max: 10 } });
    expect(amountProblem(0, { max: 10, allowZero: true })).toBeNull();
    expect(amountProblem(-0.5, { max: 10, allowZero: true })).toEqual({ key: 'step.rule.nonNegative' });
    expect(amountProblem(undefined, { max: 10 })).toEqual({ key: 'step.rule.required' });
  });

  it('dates of what happened: today in Shanghai is the latest, the registration or signing date the earliest', () => {
    expect(happenedDateProblem('2026-03-11', LATE_EVENING_UTC)).toBeNull();
    expect(happenedDateProblem('2026-03-12', LATE_EVENING_UTC)).toEqual({ key: 'step.rule.notFuture', params: { today: '2026-03-11' } });
    const signing = { date: '2026-03-01', what: '签约日期' };
    expect(happenedDateProblem('2026-03-01', LATE_EVENING_UTC, signing)).toBeNull();
    expect(happenedDateProblem('2026-02-28', LATE_EVENING_UTC, signing)).toEqual({ key: 'step.rule.notBefore', params: signing });
    expect(happenedDateProblem(null, LATE_EVENING_UTC)).toEqual({ key: 'step.rule.required' });
  });

  it('planned dates may be in the future but not before the signing date', () => {
    const signing = { date: '2026-03-01', what: '签约日期' };
    expect(plannedDateProblem('2030-01-01', signing)).toBeNull();
    expect(plannedDateProblem('2026-03-01', signing)).toBeNull();
    expect(plannedDateProblem('2026-02-28', signing)).toEqual({ key: 'step.rule.notBefore', params: signing });
  });

  it('orders the committed dates of a contract after the signing date and each other', () => {
    const values = { signedOn: '2026-03-01', committed: { constructionStart: '2026-04-01', equipmentEntry: '2026-05-01', production: '2026-09-01' } };
    expect(previousCommitted('constructionStart', values)).toEqual({ field: 'signedOn', date: '2026-03-01' });
    expect(previousCommitted('equipmentEntry', values)).toEqual({ field: 'constructionStart', date: '2026-04-01' });
    expect(previousCommitted('firstTax', values)).toEqual({ field: 'production', date: '2026-09-01' });
    expect(previousCommitted('firstTax', { signedOn: '2026-03-01' })).toEqual({ field: 'production', date: null });
  });

  it('needs land or factory space taken from the zone', () => {
    expect(spaceProblem(undefined, null)).toEqual({ key: 'step.rule.spaceRequired' });
    expect(spaceProblem(0, 0)).toEqual({ key: 'step.rule.spaceRequired' });
    expect(spaceProblem(5000, undefined)).toBeNull();
    expect(spaceProblem(undefined, 1200)).toBeNull();
  });
});
