import { ERROR_CODES, localized, type Localized } from '@zs/domain';
import { ApiException, fieldRefusal } from '../../common/errors/api.exception';

/** 400 naming the field (`{field}` in the message). */
export function campaignFieldError(field: string, message: Localized): ApiException {
  return fieldRefusal(ERROR_CODES.VALIDATION_FAILED, field, message);
}

export function campaignNotFound(id: string): ApiException {
  return new ApiException(ERROR_CODES.NOT_FOUND, localized(`招商攻势 ${id} 不存在`, `campaign ${id} not found`));
}

export function campaignFrozen(id: string): ApiException {
  return new ApiException(ERROR_CODES.CAMPAIGN_FROZEN, localized(`招商攻势 ${id} 已封榜，不能再修改或再次封榜`, `campaign ${id}: the leaderboard is frozen already`));
}
