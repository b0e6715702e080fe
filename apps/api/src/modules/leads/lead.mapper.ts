import type { Lead } from '@zs/domain';
import type { RegisterLeadDto } from './dto/register-lead.dto';

/**
 * The domain Lead from a validated body, built field by field so nothing else rides into
 * the workflow; absent or null optional fields are left out, so they hash the same.
 */
export function toLead(dto: RegisterLeadDto): Lead {
  return {
    companyName: dto.companyName,
    contactName: dto.contactName,
    ...(dto.contactPhone != null ? { contactPhone: dto.contactPhone } : {}),
    industryChain: dto.industryChain,
    estimatedInvestmentYi: dto.estimatedInvestmentYi,
    sourceChannel: dto.sourceChannel,
    infoGrade: dto.infoGrade,
    fortune500: dto.fortune500,
    specializedSme: dto.specializedSme,
    kind: dto.kind,
    ...(dto.notes != null ? { notes: dto.notes } : {}),
  };
}
