import { requireCreditCode, resolveLeadFlags, type Lead } from '@zs/domain';
import type { RegisterLeadDto } from './dto/register-lead.dto';

/**
 * The domain Lead from a validated body, built field by field so nothing else rides into
 * the workflow; absent or null optional fields are left out, so they hash the same.
 * `fortune500` / `specializedSme` are derived from their detail when given (issue 10) and the
 * credit code is checked (GB 32100-2015) and normalised: both throw a DomainError naming the field.
 */
export function toLead(dto: RegisterLeadDto): Lead {
  const flags = resolveLeadFlags(dto);
  return {
    companyName: dto.companyName,
    contactName: dto.contactName,
    ...(dto.contactPhone != null ? { contactPhone: dto.contactPhone } : {}),
    industryChain: dto.industryChain,
    estimatedInvestmentYi: dto.estimatedInvestmentYi,
    sourceChannel: dto.sourceChannel,
    infoGrade: dto.infoGrade,
    fortune500: flags.fortune500,
    specializedSme: flags.specializedSme,
    kind: dto.kind,
    ...(dto.notes != null ? { notes: dto.notes } : {}),
    ...(dto.fortune500Lists !== undefined ? { fortune500Lists: [...dto.fortune500Lists] } : {}),
    ...(dto.listedCompany !== undefined ? { listedCompany: dto.listedCompany } : {}),
    ...(dto.specializedSmeLevel != null ? { specializedSmeLevel: dto.specializedSmeLevel } : {}),
    ...(dto.origin != null ? { origin: dto.origin } : {}),
    ...(dto.creditCode != null ? { creditCode: requireCreditCode(dto.creditCode, 'creditCode') } : {}),
  };
}
