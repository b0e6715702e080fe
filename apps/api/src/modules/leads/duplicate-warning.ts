import { ERROR_CODES, STAGE_LABELS, type DuplicateCandidate, type Stage, localized, type Localized } from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';

const MATCHED_ON_LABELS: Record<DuplicateCandidate['matchedOn'], Localized> = {
  credit_code: localized('统一社会信用代码相同', 'same unified social credit code'),
  name: localized('企业名称相同（忽略空格、标点、全半角及“有限公司”等后缀）', 'same company name (ignoring spaces, punctuation, width and suffixes such as 有限公司)'),
  similar_name: localized('企业名称相近', 'similar company name'),
};

/**
 * 409 DUPLICATE_SUSPECTED naming every project the lead may duplicate (id, company, stage, why):
 * one detail per project, under the field that matched, so staff can look it up and, if it is
 * another company after all, send the lead again with `confirmDuplicateOf` set to one of the ids.
 */
export function duplicateSuspected(candidates: DuplicateCandidate[]): ApiException {
  const details = candidates.map((c) => ({
    field: c.matchedOn === 'credit_code' ? 'creditCode' : 'companyName',
    message: localized(
      `已有项目 ${c.projectId}「${c.companyName}」（${STAGE_LABELS[c.stage as Stage] ?? c.stage}）：${MATCHED_ON_LABELS[c.matchedOn].zh}${c.matchedOn === 'similar_name' ? ` ${c.similarity}` : ''}`,
      `project ${c.projectId} 「${c.companyName}」 stage ${c.stage}: ${MATCHED_ON_LABELS[c.matchedOn].en}${c.matchedOn === 'similar_name' ? ` ${c.similarity}` : ''}`,
    ),
  }));
  const named = candidates.map((c) => `${c.projectId}「${c.companyName}」`).join('、');
  return new ApiException(
    ERROR_CODES.DUPLICATE_SUSPECTED,
    localized(
      `疑似重复登记：已有项目 ${named}。如确认不是同一项目，请在请求中加入 confirmDuplicateOf（填写上述项目编号之一）后重新提交`,
      `duplicate suspected: ${named} registered already; if it is another company, send the lead again with confirmDuplicateOf set to one of these ids`,
    ),
    details,
  );
}
