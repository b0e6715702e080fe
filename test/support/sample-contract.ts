import type { SignContractCommand } from '@zs/domain';

export function sampleContract(overrides: Partial<SignContractCommand> = {}): SignContractCommand {
  return {
    contractNo: 'ZZGX-2026-041',
    contractInvestmentYi: 6.8,
    signedOn: '2026-07-28',
    committed: { constructionStart: '2026-08-15', equipmentEntry: '2026-09-20', production: '2026-12-01', firstTax: '2027-03-31' },
    factoryAreaM2: 12_000,
    ...overrides,
  };
}
