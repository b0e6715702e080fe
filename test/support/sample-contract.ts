import type { SignContractCommand } from '@zs/domain';
import { datesFrom } from './relative-dates';

/**
 * A contract signed on the registration day (by default the wall clock's today, which is when an
 * e2e test registers its lead); a time-skipping test passes the project's `registeredAt`, since its
 * server's clock has moved on. Committed dates follow in the order the contract promises them.
 */
export function sampleContract(overrides: Partial<SignContractCommand> = {}, registeredAt: number | string | Date = Date.now()): SignContractCommand {
  const { day } = datesFrom(registeredAt);
  return {
    contractNo: 'ZZGX-2026-041',
    contractInvestmentYi: 6.8,
    signedOn: day(0),
    committed: { constructionStart: day(18), equipmentEntry: day(54), production: day(126), firstTax: day(246) },
    factoryAreaM2: 12_000,
    ...overrides,
  };
}
