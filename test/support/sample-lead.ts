import type { Lead } from '@zs/domain';

export function sampleLead(overrides: Partial<Lead> = {}): Lead {
  return {
    companyName: '株洲智造动力科技有限公司',
    contactName: '王经理',
    contactPhone: '13800000000',
    industryChain: '先进轨道交通装备',
    estimatedInvestmentYi: 5.5,
    sourceChannel: 'small_team',
    infoGrade: 'A',
    fortune500: false,
    specializedSme: true,
    kind: 'new',
    notes: '夏季攻势对接项目',
    ...overrides,
  };
}
