import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES, type OrgRef, type Ownership, localized, type Localized } from '@zs/domain';
import { campaignExists, findActiveUserById, industryChainByName, orgRefOf, type Database } from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { fieldRefusal, type ApiException } from '../../common/errors/api.exception';
import { DATABASE } from '../../infrastructure/database.provider';
import type { RegisterLeadDto } from './dto/register-lead.dto';

function badRequest(field: string, message: Localized): ApiException {
  return fieldRefusal(ERROR_CODES.VALIDATION_FAILED, field, message);
}

/**
 * Who a new lead is credited to (issue 10, item 3), resolved from the users table so the workflow
 * stays pure: the caller reports it (报送人); an investment officer registering owns it, anyone else
 * may name an active officer as owner (else none yet); an optional campaign must exist.
 */
@Injectable()
export class LeadOwnershipResolver {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async resolve(caller: AuthenticatedUser, body: Pick<RegisterLeadDto, 'ownerUserId' | 'campaignId'>): Promise<Ownership> {
    const reporter: OrgRef = (await orgRefOf(this.db, caller.id)) ?? {
      userId: caller.id,
      displayName: caller.displayName,
      departmentId: caller.departmentId,
      teamId: null,
    };
    const owner = await this.owner(caller, reporter, body.ownerUserId);
    if (body.campaignId !== undefined && !(await campaignExists(this.db, body.campaignId))) {
      throw badRequest('campaignId', localized(`{field}不存在：${body.campaignId}`, `{field} ${body.campaignId} names no campaign`));
    }
    return { reporter, owner, campaignId: body.campaignId ?? null };
  }

  /** 400 naming industryChain unless it is an active chain of the registry (八链两组一室). */
  async requireRegisteredChain(name: string): Promise<void> {
    const chain = await industryChainByName(this.db, name);
    if (!chain) throw badRequest('industryChain', localized(`{field}「${name}」不是已登记的产业链`, `{field} 「${name}」 is not a registered industry chain`));
    if (!chain.active) throw badRequest('industryChain', localized(`{field}「${name}」已停用`, `{field} 「${name}」 is no longer active`));
  }

  private async owner(caller: AuthenticatedUser, reporter: OrgRef, ownerUserId: string | undefined): Promise<OrgRef | null> {
    if (caller.role === 'investment_officer') {
      if (ownerUserId !== undefined && ownerUserId !== caller.id) {
        throw badRequest('ownerUserId', localized('招商专员登记的线索由本人负责，可在登记后调整归属', '{field}: an investment officer registering a lead owns it'));
      }
      return reporter;
    }
    if (ownerUserId === undefined) return null;
    const user = await findActiveUserById(this.db, ownerUserId);
    if (!user || user.role !== 'investment_officer') {
      throw badRequest('ownerUserId', localized(`{field}须为在职招商专员（${ownerUserId}）`, `{field} ${ownerUserId} is not an active investment officer`));
    }
    const ref = await orgRefOf(this.db, ownerUserId);
    if (!ref) throw badRequest('ownerUserId', localized(`{field}须为在职招商专员（${ownerUserId}）`, `{field} ${ownerUserId} is not an active investment officer`));
    return ref;
  }
}
