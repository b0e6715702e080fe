/**
 * The organisation's kinds (issue 10), with the labels staff see.
 * - bureau: the zone's bureaus that run the lifecycle (经济合作局, 项目服务局, 企业服务局 …);
 * - direct: the 直属部门 that take part in attraction under 全民招商 (each with targets of its own);
 * - external: departments outside the zone's attraction staff that receive service requests (供电公司, 自然资源局 …).
 */
export const DEPARTMENT_KINDS = ['bureau', 'direct', 'external'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = { bureau: '局（办）', direct: '直属部门', external: '承办单位（外部门）' };

/** 八链两组一室: industry chains, industry groups and the one office, each with its 链长 and 分链长. */
export const INDUSTRY_CHAIN_KINDS = ['chain', 'group', 'office'] as const;
export type IndustryChainKind = (typeof INDUSTRY_CHAIN_KINDS)[number];
export const INDUSTRY_CHAIN_KIND_LABELS: Record<IndustryChainKind, string> = { chain: '产业链', group: '产业组', office: '办公室' };
