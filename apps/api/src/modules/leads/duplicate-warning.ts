import { ERROR_CODES, STAGE_LABELS, type DuplicateCandidate, type Stage } from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';

const MATCHED_ON_LABELS: Record<DuplicateCandidate['matchedOn'], string> = {
  credit_code: '统一社会信用代码相同',
  name: '企业名称相同（忽略空格、标点、全半角及“有限公司”等后缀）',
  similar_name: '企业名称相近',
};

/**
 * 409 DUPLICATE_SUSPECTED naming every project the lead may duplicate (id, company, stage, why):
 * one detail per project, under the field that matched, so staff can look it up and, if it is
 * another company after all, send the lead again with `confirmDuplicateOf` set to one of the ids.
 */
export function duplicateSuspected(candidates: DuplicateCandidate[]): ApiException {
  const details = candidates.map((c) => ({
    field: c.matchedOn === 'credit_code' ? 'creditCode' : 'companyName',
    message: `project ${c.projectId} 「${c.companyName}」 stage ${c.stage}（${STAGE_LABELS[c.stage as Stage] ?? c.stage}）: ${MATCHED_ON_LABELS[c.matchedOn]}${c.matchedOn === 'similar_name' ? ` ${c.similarity}` : ''}`,
  }));
  const named = candidates.map((c) => `${c.projectId}「${c.companyName}」`).join('、');
  return new ApiException(
    ERROR_CODES.DUPLICATE_SUSPECTED,
    `疑似重复登记：已有项目 ${named}。如确认不是同一项目，请在请求中加入 confirmDuplicateOf（填写上述项目编号之一）后重新提交（duplicate suspected; confirm with confirmDuplicateOf）`,
    details,
  );
}
