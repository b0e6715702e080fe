/**
 * Chinese labels of administrators' actions (`admin_audit_events.action`, GET /audit/admin-events).
 * action-labels.spec.ts scans the API and persistence sources for the codes they record, so a new
 * administrative action without a label fails a test.
 */
export const ADMIN_ACTION_LABELS: Readonly<Record<string, string>> = {
  // 时限策略与日历
  'sla.policy.version_created': '新建时限策略版本',
  'sla.recalculation_requested': '发起时限重新计算',
  'calendar.override_set': '设置工作日调整',
  'calendar.override_removed': '删除工作日调整',
  // 通知
  'outbox.retried': '重新投递消息',
  'department_webhook.created': '新增部门群机器人',
  'department_webhook.updated': '修改部门群机器人',
  'department_webhook.deleted': '删除部门群机器人',
  // 账号
  'user.created': '新建用户',
  'user.updated': '修改用户',
  'user.activated': '启用用户',
  'user.deactivated': '停用用户',
  'user.password_reset': '重置用户密码',
  'user.tokens_revoked': '撤销用户令牌',
  // 组织 (issue 10)
  'department.created': '新建部门',
  'department.updated': '修改部门',
  'department.activated': '启用部门',
  'department.deactivated': '停用部门',
  'team.created': '新建小分队',
  'team.updated': '修改小分队',
  'team.activated': '启用小分队',
  'team.deactivated': '停用小分队',
  'industry_chain.created': '新建产业链',
  'industry_chain.updated': '修改产业链',
  'industry_chain.activated': '启用产业链',
  'industry_chain.deactivated': '停用产业链',
  // 目标与招商攻势 (issue 10)
  'target.created': '设定目标',
  'target.updated': '修改目标',
  'campaign.created': '新建招商攻势',
  'campaign.updated': '修改招商攻势',
  'campaign.roster_set': '设定招商攻势名单',
  'campaign.snapshot_frozen': '冻结招商攻势榜单快照',
  // 存量项目导入 (issue 10)
  'projects.imported': '导入存量项目（批次）',
};

/** The label of an administrative action code; an unknown code is shown as itself. */
export function adminActionLabel(action: string): string {
  return ADMIN_ACTION_LABELS[action] ?? action;
}
