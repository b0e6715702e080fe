import { ERROR_CODES } from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';

/** 400 naming the field, the message in Chinese. */
export function campaignFieldError(field: string, message: string): ApiException {
  return new ApiException(ERROR_CODES.VALIDATION_FAILED, `${field} ${message}`, [{ field, message: `${field} ${message}` }]);
}

export function campaignNotFound(id: string): ApiException {
  return new ApiException(ERROR_CODES.NOT_FOUND, `招商攻势 ${id} 不存在 (campaign not found)`);
}

export function campaignFrozen(id: string): ApiException {
  return new ApiException(ERROR_CODES.CAMPAIGN_FROZEN, `招商攻势 ${id} 已封榜，不能再修改或再次封榜 (campaign leaderboard already frozen)`);
}
