import { DomainError } from '../errors';
import type { Actor } from '../roles';
import { recordFirstTax } from './first-tax-transitions';
import { recordFundsInPlace, type RecordFundsCommand } from './funds-transitions';
import { decideIntake, registerLead } from './intake-transitions';
import { concludeNegotiation, recordNegotiationContact } from './negotiation-transitions';
import { ownershipOf, reassignOwnership } from './ownership-transitions';
import type { ProjectState } from './project-state';
import { signContract, type SignContractCommand } from './signing-transitions';
import { authorizeVisit, recordVisit, type RecordVisitCommand } from './visit-transitions';

const NOW = Date.parse('2026-11-23T02:00:00Z'); // 2026-11-23 10:00 in Asia/Shanghai
const officer: Actor = { userId: 'o', role: 'investment_officer', departmentId: 'dep-1' };
const ecb: Actor = { userId: 'h', role: 'economic_cooperation_bureau_head' };
const esb: Actor = { userId: 'e', role: 'enterprise_service_bureau' };
const psb: Actor = { userId: 'p', role: 'project_service_bureau', departmentId: 'dep-2' };
const lead = {
  companyName: 'c', contactName: 'n', industryChain: 'x', estimatedInvestmentYi: 1, sourceChannel: 'agency' as const,
  infoGrade: 'A' as const, fortune500: false, specializedSme: false, kind: 'new' as const,
};
const contract: SignContractCommand = {
  contractInvestmentYi: 5,
  signedOn: '2026-07-01',
  committed: { constructionStart: '2026-07-10', equipmentEntry: '2026-07-15', production: '2026-10-01', firstTax: '2027-01-01' },
  landAreaM2: 20_000,
};
const refusal = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.field ?? ''}` : String(e);
  }
};

const registered = registerLead('p', lead, officer, 0).state;
const inNegotiation = decideIntake(registered, { action: 'accept' }, { userId: 't', role: 'intake_task_force' }, 1).state;
const inSigning = concludeNegotiation(inNegotiation, { outcome: 'proceed' }, officer, 2).state;
const inConstruction = signContract(inSigning, contract, officer, NOW).state;
const lost = concludeNegotiation(inNegotiation, { outcome: 'lost', reason: '企业放弃' }, officer, 2).state;

describe('reassignOwnership', () => {
  const owner = { userId: 'o2', displayName: '李四', departmentId: 'dep-9', teamId: 'team-3' };

  it('gives an older project (no ownership) its reporter from registeredBy, and sets the new owner with before/after', () => {
    const older: ProjectState = { ...inNegotiation, ownership: undefined };
    const t = reassignOwnership(older, { owner, reason: '调岗' }, ecb, NOW);
    expect(t.state.ownership).toEqual({ reporter: { userId: 'o', departmentId: 'dep-1', teamId: null }, owner, campaignId: null });
    expect(t.audit.action).toBe('project.ownership_reassigned');
    expect(t.audit.payload).toEqual({ before: { owner: null, campaignId: null }, after: { owner, campaignId: null }, reason: '调岗' });
    expect(t.state.seq).toBe(older.seq + 1);
  });

  it('changes only the campaign when no owner is given, and clears it with null', () => {
    const withCampaign = reassignOwnership(inConstruction, { campaignId: 'camp-1', reason: '计入夏季攻势' }, ecb, NOW).state;
    expect(withCampaign.ownership?.campaignId).toBe('camp-1');
    expect(withCampaign.ownership?.owner).toBe(ownershipOf(inConstruction).owner);
    expect(reassignOwnership(withCampaign, { campaignId: null, reason: '撤销' }, ecb, NOW).state.ownership?.campaignId).toBeNull();
  });

  it('refuses other roles, closed projects, an empty change and a missing reason', () => {
    expect(refusal(() => reassignOwnership(inNegotiation, { owner, reason: 'r' }, officer, NOW))).toBe('FORBIDDEN_ROLE:');
    expect(refusal(() => reassignOwnership(lost, { owner, reason: 'r' }, ecb, NOW))).toBe('WRONG_STAGE:');
    expect(refusal(() => reassignOwnership(inNegotiation, { reason: 'r' }, ecb, NOW))).toBe('VALIDATION_FAILED:ownerUserId');
    expect(refusal(() => reassignOwnership(inNegotiation, { owner, reason: ' ' }, ecb, NOW))).toBe('VALIDATION_FAILED:reason');
  });
});

describe('recordFundsInPlace', () => {
  const funds: RecordFundsCommand = { amountYi: 1.2345, date: '2026-09-15', source: 'equity', evidence: '进账单 001' };

  it('appends a dated entry during construction, with the id the workflow gives it', () => {
    const t = recordFundsInPlace(inConstruction, funds, esb, NOW, 'upd-1');
    expect(t.state.funds).toEqual([{ entryId: 'upd-1', ...funds, recordedBy: esb, recordedAt: NOW }]);
    expect(t.audit.action).toBe('funds.recorded');
    const second = recordFundsInPlace(t.state, { ...funds, amountYi: 2 }, officer, NOW, 'upd-2');
    expect(second.state.funds?.map((f) => f.entryId)).toEqual(['upd-1', 'upd-2']);
  });

  it('refuses before signing, bad amounts, dates before signing or after today or out of range, and unknown sources', () => {
    expect(refusal(() => recordFundsInPlace(inSigning, funds, esb, NOW, 'x'))).toBe('WRONG_STAGE:');
    expect(refusal(() => recordFundsInPlace(inConstruction, funds, { userId: 'l', role: 'zone_leadership' }, NOW, 'x'))).toBe('FORBIDDEN_ROLE:');
    expect(refusal(() => recordFundsInPlace(inConstruction, { ...funds, amountYi: 0 }, esb, NOW, 'x'))).toBe('VALIDATION_FAILED:amountYi');
    expect(refusal(() => recordFundsInPlace(inConstruction, { ...funds, amountYi: 10_001 }, esb, NOW, 'x'))).toBe('VALIDATION_FAILED:amountYi');
    expect(refusal(() => recordFundsInPlace(inConstruction, { ...funds, amountYi: 1.23456 }, esb, NOW, 'x'))).toBe('VALIDATION_FAILED:amountYi');
    expect(refusal(() => recordFundsInPlace(inConstruction, { ...funds, date: '2026-06-30' }, esb, NOW, 'x'))).toBe('VALIDATION_FAILED:date');
    expect(refusal(() => recordFundsInPlace(inConstruction, { ...funds, date: '2026-11-24' }, esb, NOW, 'x'))).toBe('VALIDATION_FAILED:date');
    expect(refusal(() => recordFundsInPlace(inConstruction, { ...funds, date: '0000-01-01' }, esb, NOW, 'x'))).toBe('VALIDATION_FAILED:date');
    expect(refusal(() => recordFundsInPlace(inConstruction, { ...funds, source: 'gift' as never }, esb, NOW, 'x'))).toBe('VALIDATION_FAILED:source');
    expect(refusal(() => recordFundsInPlace(inConstruction, { ...funds, evidence: '' }, esb, NOW, 'x'))).toBe('VALIDATION_FAILED:evidence');
  });

  it('accepts today in Asia/Shanghai (already tomorrow in UTC terms of the day before)', () => {
    const lateEvening = Date.parse('2026-11-23T17:00:00Z'); // 2026-11-24 01:00 in Shanghai
    expect(refusal(() => recordFundsInPlace(inConstruction, { ...funds, date: '2026-11-24' }, esb, lateEvening, 'x'))).toBe('ok');
  });
});

describe('recordVisit', () => {
  const visit: RecordVisitCommand = { kind: 'trip', date: '2026-11-20', participants: '李明', summary: '赴深圳拜访总部' };

  it('records a visit in any open stage without touching the negotiation cadence', () => {
    const t = recordVisit(inNegotiation, visit, officer, NOW);
    expect(t.state.visits).toEqual([{ ...visit, stage: 'negotiation', recordedBy: officer, recordedAt: NOW }]);
    expect(t.state.negotiation).toBe(inNegotiation.negotiation);
    expect(t.audit.action).toBe('project.visit_recorded');
    expect(recordVisit(inConstruction, visit, psb, NOW).state.visits).toHaveLength(1);
    expect(refusal(() => recordVisit(lost, visit, officer, NOW))).toBe('WRONG_STAGE:');
    expect(refusal(() => recordVisit(inNegotiation, { ...visit, kind: 'party' as never }, officer, NOW))).toBe('VALIDATION_FAILED:kind');
    expect(refusal(() => recordVisit(inNegotiation, { ...visit, date: '9999-01-01' }, officer, NOW))).toBe('VALIDATION_FAILED:date');
    expect(refusal(() => recordVisit(inNegotiation, visit, { userId: 'a', role: 'auditor' }, NOW))).toBe('FORBIDDEN_ROLE:');
  });

  it('lets the owner, the reporting department and the heads record, nobody else', () => {
    const authorized = (actor: Actor, state: ProjectState = inConstruction) => refusal(() => authorizeVisit(state, visit, actor));
    expect(authorized(officer)).toBe('ok');
    expect(authorized(ecb)).toBe('ok');
    expect(authorized({ userId: 'l', role: 'zone_leadership' })).toBe('ok');
    expect(authorized({ userId: 'colleague', role: 'investment_officer', departmentId: 'dep-1' })).toBe('ok');
    expect(authorized(psb)).toBe('FORBIDDEN_NOT_OWNER:');
    expect(authorized({ userId: 'x', role: 'investment_officer', departmentId: null })).toBe('FORBIDDEN_NOT_OWNER:');
    const reassigned = reassignOwnership(inConstruction, { owner: { userId: 'p', departmentId: 'dep-2', teamId: null }, reason: '移交' }, ecb, NOW).state;
    expect(authorized(psb, reassigned)).toBe('ok');
  });

  it('leaves a negotiation contact restarting the cadence as before', () => {
    const contact = recordNegotiationContact(inNegotiation, { kind: 'visit', date: '2026-11-20', participants: 'a', location: 'b', outcome: 'c' }, officer, NOW);
    expect(contact.state.negotiation?.followUp.lastContactAt).toBe(NOW);
  });
});

describe('recordFirstTax', () => {
  it('records the first tax once, in construction or service', () => {
    const t = recordFirstTax(inConstruction, { date: '2026-11-01', amountWanYuan: 86.5 }, esb, NOW);
    expect(t.state.firstTax).toEqual({ date: '2026-11-01', amountWanYuan: 86.5, recordedBy: esb, recordedAt: NOW });
    expect(t.audit).toMatchObject({ action: 'tax.first_recorded', payload: { date: '2026-11-01', amountWanYuan: 86.5 } });
    expect(refusal(() => recordFirstTax(t.state, { date: '2026-11-02' }, esb, NOW))).toBe('ALREADY_EXISTS:');
    expect(recordFirstTax(inConstruction, { date: '2026-11-01' }, ecb, NOW).state.firstTax?.amountWanYuan).toBeNull();
  });

  it('refuses before signing, other roles, bad dates and negative amounts', () => {
    expect(refusal(() => recordFirstTax(inSigning, { date: '2026-11-01' }, esb, NOW))).toBe('WRONG_STAGE:');
    expect(refusal(() => recordFirstTax(inConstruction, { date: '2026-11-01' }, officer, NOW))).toBe('FORBIDDEN_ROLE:');
    expect(refusal(() => recordFirstTax(inConstruction, { date: '2026-06-01' }, esb, NOW))).toBe('VALIDATION_FAILED:date');
    expect(refusal(() => recordFirstTax(inConstruction, { date: '2026-02-30' }, esb, NOW))).toBe('VALIDATION_FAILED:date');
    expect(refusal(() => recordFirstTax(inConstruction, { date: '2026-11-01', amountWanYuan: -1 }, esb, NOW))).toBe('VALIDATION_FAILED:amountWanYuan');
  });
});
