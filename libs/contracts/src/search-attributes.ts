import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes of the project workflow, so `temporal workflow list --query`
 * and the Web UI find projects by stage or overdue. No personal data in here:
 * visibility stores values unencrypted. The dev server allows 10 Keyword and 3 Bool.
 */
export const SA_PROJECT_STAGE = defineSearchAttributeKey('ProjectStage', SearchAttributeType.KEYWORD);
export const SA_SLA_OVERDUE = defineSearchAttributeKey('SlaOverdue', SearchAttributeType.BOOL);
export const SA_INDUSTRY_CHAIN = defineSearchAttributeKey('IndustryChain', SearchAttributeType.KEYWORD);
export const SA_INFO_GRADE = defineSearchAttributeKey('InfoGrade', SearchAttributeType.KEYWORD);

export const PROJECT_SEARCH_ATTRIBUTES = [SA_PROJECT_STAGE, SA_SLA_OVERDUE, SA_INDUSTRY_CHAIN, SA_INFO_GRADE];
