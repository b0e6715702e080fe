import { ERROR_CODES, type ErrorCode } from '../errors';
import { localized, type Localized } from './localized';

/**
 * What each error code means, for people, in both languages. A Record over ErrorCode: a code
 * added to errors.ts without its label fails the type check here. The API says it when an error
 * has no words of its own (a framework 403, an unexpected 4xx); clients may show it next to a
 * message.
 */
export const ERROR_CODE_LABELS: Readonly<Record<ErrorCode, Localized>> = {
  [ERROR_CODES.VALIDATION_FAILED]: localized('请求内容不符合要求', 'the request is invalid'),
  [ERROR_CODES.UNAUTHENTICATED]: localized('未登录或登录已失效', 'not signed in, or the session has ended'),
  [ERROR_CODES.FORBIDDEN_ROLE]: localized('当前角色无权执行此操作', 'your role may not do this'),
  [ERROR_CODES.FORBIDDEN_NOT_OWNER]: localized('您不是此项目的负责人，不能办理此步骤', 'you may not take this step on this project'),
  [ERROR_CODES.NOT_FOUND]: localized('未找到', 'not found'),
  [ERROR_CODES.WRONG_STAGE]: localized('项目当前所处阶段不能办理此步骤', 'the project is not at a stage where this step can be taken'),
  [ERROR_CODES.IDEMPOTENCY_CONFLICT]: localized('幂等键已用于另一请求', 'the idempotency key was used for another request'),
  [ERROR_CODES.ENGINE_UNAVAILABLE]: localized('工作流引擎暂不可用，请稍后重试', 'the workflow engine is unavailable; retry shortly'),
  [ERROR_CODES.INTERNAL]: localized('系统内部错误，报告时请提供关联编号', 'internal error; quote the correlation id when reporting it'),
  [ERROR_CODES.PASSWORD_CHANGE_REQUIRED]: localized('须先修改密码', 'the password must be changed first'),
  [ERROR_CODES.PAYLOAD_TOO_LARGE]: localized('请求体过大', 'the request body is too large'),
  [ERROR_CODES.RATE_LIMITED]: localized('请求过于频繁，请稍后再试', 'too many requests; try again later'),
  [ERROR_CODES.ALREADY_EXISTS]: localized('记录已存在', 'the record exists already'),
  [ERROR_CODES.CAMPAIGN_NOT_ENDED]: localized('招商行动尚未结束', 'the campaign has not ended'),
  [ERROR_CODES.CAMPAIGN_FROZEN]: localized('招商行动已封榜', 'the campaign leaderboard is frozen'),
  [ERROR_CODES.DUPLICATE_SUSPECTED]: localized('疑似重复项目', 'a similar project is registered already'),
  [ERROR_CODES.FORBIDDEN_ZONE]: localized('无权访问该园区', 'not allowed in that zone'),
};
