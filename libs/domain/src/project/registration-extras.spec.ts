import type { Actor } from '../roles';
import { registerLead } from './intake-transitions';
import type { Ownership } from './ownership';

const officer: Actor = { userId: 'u-officer', role: 'investment_officer', displayName: '李专员', departmentId: 'd-ecb' };
const lead = {
  companyName: '株洲示例动力科技有限公司', contactName: 'n', industryChain: '新能源汽车', estimatedInvestmentYi: 1, sourceChannel: 'agency' as const,
  infoGrade: 'A' as const, fortune500: false, specializedSme: false, kind: 'new' as const,
};

describe('registerLead with the API-resolved ownership (issue 10)', () => {
  it('keeps the ownership and the duplicate confirmation, and records both with the registration', () => {
    const ownership: Ownership = {
      reporter: { userId: 'u-officer', displayName: '李专员', departmentId: 'd-ecb', teamId: 't-1' },
      owner: { userId: 'u-officer', displayName: '李专员', departmentId: 'd-ecb', teamId: 't-1' },
      campaignId: 'c-1',
    };
    const duplicateConfirmation = {
      confirmedDuplicateOf: 'p-old',
      candidates: [{ projectId: 'p-old', companyName: '株洲示例动力科技股份有限公司', stage: 'intake', matchedOn: 'name' as const, similarity: 1 }],
    };
    const t = registerLead('p1', lead, officer, 1000, { ownership, duplicateConfirmation });
    expect(t.state.ownership).toEqual(ownership);
    expect(t.audit.payload).toEqual({ lead, ownership, duplicateConfirmation });
  });

  it('without them (a run started before issue 10) credits the registering person as reporter and records what it always recorded', () => {
    const t = registerLead('p1', lead, officer, 1000);
    expect(t.state.ownership).toEqual({
      reporter: { userId: 'u-officer', displayName: '李专员', departmentId: 'd-ecb', teamId: null },
      owner: null,
      campaignId: null,
    });
    expect(t.audit.payload).toEqual({ lead });
  });
});
