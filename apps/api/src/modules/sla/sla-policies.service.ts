import { Inject, Injectable } from '@nestjs/common';
import { CLOCK_LABELS, DomainError, durationLabel, POLICY_KEY_LABELS, validatePolicyDefinition, type PolicyKey } from '@zs/domain';
import { createSlaPolicyVersion, currentSlaPolicies, slaPolicyHistory, type Database, type StoredSlaPolicy } from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { fromDomainError } from '../../common/errors/api.exception';
import { DATABASE } from '../../infrastructure/database.provider';
import type { CreateSlaPolicyVersionDto, SlaPolicyViewDto } from './dto/sla-policy.dto';

/** SLA policies: read by all staff, versioned by administrators (each version audited). */
@Injectable()
export class SlaPoliciesService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async current(): Promise<SlaPolicyViewDto[]> {
    return (await currentSlaPolicies(this.db)).map(toView);
  }

  async history(key: PolicyKey): Promise<SlaPolicyViewDto[]> {
    return (await slaPolicyHistory(this.db, key)).map(toView);
  }

  async createVersion(key: PolicyKey, dto: CreateSlaPolicyVersionDto, caller: AuthenticatedUser): Promise<SlaPolicyViewDto> {
    let definition;
    try {
      definition = validatePolicyDefinition({ duration: dto.duration, warnings: dto.warnings, escalations: dto.escalations }, key);
    } catch (err) {
      if (err instanceof DomainError) throw fromDomainError(err);
      throw err;
    }
    const stored = await createSlaPolicyVersion(this.db, key, definition, { userId: caller.id, role: caller.role }, dto.reason);
    return toView(stored);
  }
}

export function toView(p: StoredSlaPolicy): SlaPolicyViewDto {
  return {
    key: p.key,
    label: POLICY_KEY_LABELS[p.key],
    clock: p.clock,
    clockLabel: CLOCK_LABELS[p.clock],
    version: p.version,
    duration: p.duration,
    durationLabel: durationLabel(p.duration),
    warnings: p.warnings.map((w) => ({ fraction: w.fraction, notify: w.notify, ...(w.department ? { department: w.department } : {}) })),
    escalations: p.escalations.map((e) => ({ afterBreachHours: e.afterBreachHours, notify: e.notify, ...(e.department ? { department: e.department } : {}) })),
    reason: p.reason,
    createdBy: p.createdBy,
    createdAt: p.createdAt,
  };
}
