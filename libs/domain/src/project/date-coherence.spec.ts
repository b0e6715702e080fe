import { DomainError } from '../errors';
import type { Actor } from '../roles';
import { checkStepDates } from './date-coherence';
import { registerLead } from './intake-transitions';

const officer: Actor = { userId: 'o', role: 'investment_officer' };
const lead = {
  companyName: 'c', contactName: 'n', industryChain: '新能源汽车', estimatedInvestmentYi: 1, sourceChannel: 'agency' as const,
  infoGrade: 'A' as const, fortune500: false, specializedSme: false, kind: 'new' as const,
};
// Registered 2026-03-10 10:00 in Shanghai (02:00 UTC); "today" is 2026-06-01 in Shanghai.
const registeredAt = Date.parse('2026-03-10T02:00:00Z');
const now = Date.parse('2026-06-01T03:00:00Z');
const state = registerLead('p1', lead, officer, registeredAt).state;

function refusal(stepId: string, command: unknown, at: number | null = now): DomainError | null {
  try {
    checkStepDates(stepId, state, command, at ?? undefined);
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

const committed = { constructionStart: '2026-07-01', equipmentEntry: '2026-09-01', production: '2027-01-01', firstTax: '2027-06-01' };

describe('checkStepDates', () => {
  it('accepts dates on or after the registration day and not after today', () => {
    expect(refusal('recordNegotiationContact', { date: '2026-03-10' })).toBeNull();
    expect(refusal('signContract', { signedOn: '2026-06-01', committed })).toBeNull();
    expect(refusal('completeMilestone', { completedOn: '2026-05-31' })).toBeNull();
  });

  it('refuses a contact, signing, completion or production before the registration day, naming the field', () => {
    for (const [step, command, field] of [
      ['recordNegotiationContact', { date: '2026-03-09' }, 'date'],
      ['signContract', { signedOn: '2026-01-09', committed }, 'signedOn'],
      ['completeMilestone', { completedOn: '2025-12-31' }, 'completedOn'],
      ['recordProduction', { actualDate: '2026-03-01' }, 'actualDate'],
      ['logConstructionProgress', { date: '2026-03-09' }, 'date'],
    ] as const) {
      const err = refusal(step, command);
      expect(err?.code).toBe('VALIDATION_FAILED');
      expect(err?.field).toBe(field);
      expect(err?.message).toMatch(/不得早于线索登记日期 2026-03-10/);
    }
  });

  it('names nested fields as the API does', () => {
    expect(refusal('signContract', { signedOn: '2026-05-01', committed: { ...committed, production: '2026-02-01' } })?.field).toBe('committed.production');
    expect(refusal('establishMilestonePlan', { nodes: [{ dueOn: '2026-08-01' }, { dueOn: '2026-01-01' }] })?.field).toBe('nodes[1].dueOn');
  });

  it('refuses years outside 1900–2199 (0000 and 9999 typed in the reports)', () => {
    expect(refusal('rebaselinePlan', { changes: [{ dueOn: '9999-12-31' }] })?.message).toMatch(/1900–2199/);
    expect(refusal('recordNegotiationContact', { date: '0000-01-01' })?.field).toBe('date');
  });

  it('refuses what already happened dated in the future, but not planned dates', () => {
    expect(refusal('signContract', { signedOn: '2026-06-02', committed })?.field).toBe('signedOn');
    expect(refusal('establishMilestonePlan', { nodes: [{ dueOn: '2030-01-01' }] })).toBeNull();
    // Without `now` only the registration and the year range are checked.
    expect(refusal('signContract', { signedOn: '2026-06-02', committed }, null)).toBeNull();
  });

  it('uses the Shanghai calendar day of the registration', () => {
    // 2026-03-09T20:00Z is already 03-10 04:00 in Shanghai.
    const lateEvening = registerLead('p2', lead, officer, Date.parse('2026-03-09T20:00:00Z')).state;
    expect(() => checkStepDates('recordNegotiationContact', lateEvening, { date: '2026-03-10' }, now)).not.toThrow();
    expect(() => checkStepDates('recordNegotiationContact', lateEvening, { date: '2026-03-09' }, now)).toThrow(/2026-03-10/);
  });

  it('checks the year range of any date of a step it does not know, and leaves shape errors to the transition', () => {
    expect(refusal('someNewStep', { happenedOn: '2300-01-01' })?.field).toBe('happenedOn');
    expect(refusal('someNewStep', { happenedOn: '2020-01-01' })).toBeNull();
    expect(refusal('recordNegotiationContact', { date: 'yesterday' })).toBeNull();
    expect(refusal('recordNegotiationContact', null)).toBeNull();
  });
});
