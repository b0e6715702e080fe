import { DomainError } from '../errors';
import type { Actor } from '../roles';
import { decideIntake, registerLead } from './intake-transitions';
import { concludeNegotiation } from './negotiation-transitions';
import type { ProjectState } from './project-state';
import { assignCommissioner, signContract, type SignContractCommand } from './signing-transitions';

/** Signing dates may not lie in the future: steps run on a realistic clock. */
const NOW = Date.parse('2026-11-23T02:00:00Z');
const officer: Actor = { userId: 'o', role: 'investment_officer' };
const psb: Actor = { userId: 'p', role: 'project_service_bureau' };
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

describe('signing transitions', () => {
  const inSigning: ProjectState = concludeNegotiation(
    decideIntake(registerLead('p', lead, officer, 0).state, { action: 'accept' }, { userId: 't', role: 'intake_task_force' }, 1).state,
    { outcome: 'proceed' },
    officer,
    2,
  ).state;

  it('validates the contract: amounts positive, dates real and in order, space taken', () => {
    expect(refusal(() => signContract(inSigning, { ...contract, contractInvestmentYi: 0 }, officer, NOW))).toBe('VALIDATION_FAILED:contractInvestmentYi');
    expect(refusal(() => signContract(inSigning, { ...contract, signedOn: '2026-02-30' }, officer, NOW))).toBe('VALIDATION_FAILED:signedOn');
    expect(refusal(() => signContract(inSigning, { ...contract, committed: { ...contract.committed, production: '2026-07-12' } }, officer, NOW))).toBe(
      'VALIDATION_FAILED:committed.production',
    );
    expect(refusal(() => signContract(inSigning, { ...contract, committed: { ...contract.committed, constructionStart: '2026-06-30' } }, officer, NOW))).toBe(
      'VALIDATION_FAILED:committed.constructionStart',
    );
    expect(refusal(() => signContract(inSigning, { ...contract, landAreaM2: undefined }, officer, NOW))).toBe('VALIDATION_FAILED:landAreaM2');
    expect(refusal(() => signContract(inSigning, { ...contract, landAreaM2: -5 }, officer, NOW))).toBe('VALIDATION_FAILED:landAreaM2');
    expect(refusal(() => signContract(inSigning, contract, psb, NOW))).toBe('FORBIDDEN_ROLE:');
    expect(refusal(() => signContract(inSigning, { ...contract, signedOn: '2026-11-24' }, officer, NOW))).toBe('VALIDATION_FAILED:signedOn');
  });

  it('signs once, then only the bureau assigns the commissioner', () => {
    const signed = signContract(inSigning, contract, officer, NOW).state;
    expect(signed.stage).toBe('construction');
    expect(refusal(() => signContract(signed, contract, officer, NOW + 1))).toBe('WRONG_STAGE:');
    expect(refusal(() => assignCommissioner(signed, { commissionerUserId: 'u', commissionerName: 'n' }, officer, NOW + 1))).toBe('FORBIDDEN_ROLE:');
    expect(refusal(() => assignCommissioner(inSigning, { commissionerUserId: 'u', commissionerName: 'n' }, psb, NOW + 1))).toBe('WRONG_STAGE:');
    const assigned = assignCommissioner(signed, { commissionerUserId: 'u', commissionerName: 'n' }, psb, NOW + 10);
    expect(assigned.audit.action).toBe('handover.commissioner_assigned');
    expect(assigned.state.handover?.clock.stoppedAt).toBe(NOW + 10);
    expect(assignCommissioner(assigned.state, { commissionerUserId: 'v', commissionerName: 'm' }, psb, NOW + 20).audit.action).toBe('handover.commissioner_reassigned');
  });
});
