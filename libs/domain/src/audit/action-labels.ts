/**
 * Chinese labels of the project audit log's action codes (what an auditor reads next to the
 * code). Every code the domain emits must be here: action-labels.spec.ts scans the source and
 * fails on a code without a label, so a new step cannot reach auditors as a bare English code.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  // 线索 → 48小时研判
  'lead.registered': '登记线索',
  'intake.accepted': '研判通过，予以承接',
  'intake.rejected': '研判不予承接',
  'intake.info_requested': '要求补充材料（暂停计时）',
  'intake.info_provided': '补充材料（恢复计时）',
  // 洽谈
  'negotiation.contact_recorded': '记录洽谈（拜访、考察、会谈）',
  'negotiation.follow_up_missed': '未按期跟进',
  'negotiation.follow_up_escalated': '连续未按期跟进，升级督办',
  'negotiation.proceeded_to_signing': '洽谈成功，转入签约',
  'negotiation.lost': '项目流失',
  // 签约 → 交接
  'signing.contract_signed': '签订合同',
  'handover.commissioner_assigned': '指定项目专员',
  'handover.commissioner_reassigned': '更换项目专员',
  // 建设
  'construction.plan_established': '制定建设节点计划',
  'construction.plan_rebaselined': '调整建设节点计划（重新基线）',
  'construction.milestone_completed': '完成建设节点',
  'construction.milestone_overdue': '建设节点逾期',
  'construction.progress_logged': '记录建设进度',
  // 投产 → 履约
  'production.started': '正式投产',
  'fulfilment.checked': '履约检查',
  'project.completed': '项目履约完成',
  'contract.terminated': '合同终止',
  // 投产后服务 (each request its own workflow, shown in the project's history)
  'service.request_raised': '企业点单',
  'service.request_accepted': '部门接单',
  'service.request_transferred': '转办',
  'service.request_resolved': '问题销单',
  'service.request_closed': '企业评价，办结',
  'service.request_reopened': '评价不满意，重新办理',
  // 时限 (SLA clocks)
  'sla.warning': '时限预警',
  'sla.escalated': '超时升级督办',
  'sla.paused': '暂停计时',
  'sla.resumed': '恢复计时',
  'sla.recalculated': '按新策略或日历重新计算时限',
  // Issue 10: ownership, funds in place, visits after negotiation, first tax, import
  'project.ownership_reassigned': '调整项目归属（报送人、责任人、小分队、部门）',
  'funds.recorded': '登记到位资金',
  'project.visit_recorded': '记录走访',
  'tax.first_recorded': '登记首次纳税',
  'project.imported': '导入存量项目',
};

/** The label of an action code; an unknown code (an older or newer record) is shown as itself. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** What the actor id `system` (timers: warnings, escalations) is shown as. */
export const SYSTEM_ACTOR_LABEL = '系统';

/** The two kinds of subject a project's history holds: the project itself and its service requests. */
export const HISTORY_SUBJECT_KINDS = ['project', 'service_request'] as const;
export type HistorySubjectKind = (typeof HISTORY_SUBJECT_KINDS)[number];

export const HISTORY_SUBJECT_LABELS: Record<HistorySubjectKind, string> = {
  project: '项目',
  service_request: '服务请求',
};
