import { randomBytes } from 'node:crypto';
import type { Lead } from '@zs/domain';

/**
 * A company name of its own for every call: since issue 10 a lead whose normalised name matches
 * (or closely resembles) a registered project's is refused as a suspected duplicate. Twelve random
 * hex characters keep the trigram similarity of two such names far below the threshold.
 */
export function uniqueCompanyName(stem = '株洲智造动力科技'): string {
  return `${stem}${randomBytes(6).toString('hex')}有限公司`;
}

export function sampleLead(overrides: Partial<Lead> = {}): Lead {
  return {
    companyName: uniqueCompanyName(),
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
