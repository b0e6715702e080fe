import type { Role } from './roles';
import { ROLES } from './roles';

/**
 * Who may do what. Checked by the API (fast refusal) and again by the workflow's update
 * validators (the authority), both from this table.
 */
export const PERMISSIONS = {
  /** 全民招商: any staff member may report a lead; auditors only read. */
  'lead.register': ROLES.filter((r) => r !== 'auditor' && r !== 'admin' && r !== 'city_leadership'),
  'intake.decide': ['intake_task_force'],
  /** The lead's owners until signing answer the task force's questions. */
  'intake.provide_info': ['investment_officer', 'economic_cooperation_bureau_head'],
  'negotiation.record_contact': ['investment_officer', 'economic_cooperation_bureau_head'],
  'negotiation.conclude': ['investment_officer', 'economic_cooperation_bureau_head'],
  'signing.record_contract': ['investment_officer', 'economic_cooperation_bureau_head'],
  /**
   * Construction: the Project Service Bureau, and zone leadership as its head (no PSB head role
   * exists). Which person of these roles may act on a project is access/step-rules.ts.
   */
  'handover.assign_commissioner': ['project_service_bureau', 'zone_leadership'],
  'construction.manage_plan': ['project_service_bureau', 'zone_leadership'],
  'construction.complete_milestone': ['project_service_bureau', 'zone_leadership'],
  'construction.log_progress': ['project_service_bureau', 'zone_leadership'],
  'construction.record_production': ['project_service_bureau', 'zone_leadership'],
  'fulfilment.check': ['enterprise_service_bureau', 'economic_cooperation_bureau_head'],
  /** Completing a project or terminating its contract is a leadership decision. */
  'project.close': ['zone_leadership'],
  /** The bureau records the firm's requests and ratings (企业点单, 评价) on its behalf. */
  'service.raise': ['enterprise_service_bureau'],
  /** Departments accept, transfer and resolve; until departments are modelled, the service bureaus act for them. */
  'service.handle': ['enterprise_service_bureau', 'project_service_bureau', 'department_staff'],
  'service.rate': ['enterprise_service_bureau'],
  /** 调整项目归属 (owner, campaign): the bureau head and zone leadership (issue 10). */
  'project.reassign': ['economic_cooperation_bureau_head', 'zone_leadership'],
  /** 到位资金台账, from signing on (issue 10). */
  'funds.record': ['investment_officer', 'economic_cooperation_bureau_head', 'project_service_bureau', 'enterprise_service_bureau'],
  /** 走访/外出招商 at any open stage (issue 10); who of these on which project is visit-transitions.ts. */
  'project.record_visit': ['investment_officer', 'economic_cooperation_bureau_head', 'zone_leadership', 'project_service_bureau', 'enterprise_service_bureau'],
  'project.read': [...ROLES],
  /** 暂停/恢复计时 with a recorded reason (e.g. waiting for the firm): the bureaus that own clocks and zone leadership (CLOCK_OWNERS in access/step-rules.ts says whose clock is whose). */
  'sla.pause_clock': ['intake_task_force', 'project_service_bureau', 'enterprise_service_bureau', 'zone_leadership'],
  'sla.read': [...ROLES],
  /** Time limits are zone policy: administrators keep them, and ask running clocks to adopt a change. */
  'sla.policy.manage': ['admin'],
  /** The delivery outbox (dead letters, manual retry) and the departments' group-robot webhooks are operations work. */
  'outbox.manage': ['admin'],
  'department_webhooks.manage': ['admin'],
  /** Every member of staff may look up which days count as working days (deadlines are counted in them). */
  'calendar.read': [...ROLES],
  /** Declaring a day a holiday or a working day (调休, 临时停工) moves every working-day deadline: administrators only. */
  'calendar.manage': ['admin'],
  /** 对账: compare the audit log and read models with the workflows' own histories (issue 8). */
  'audit.reconcile': ['auditor', 'zone_leadership', 'admin'],
  /** 完整性验证: recompute the SM3 hash chains, the ledger and the signed checkpoints (issue 9). */
  'audit.verify': ['auditor', 'zone_leadership', 'admin'],
  /** Accounts (issue 9): revoke a user's tokens, reset a password to a temporary one. */
  'users.manage': ['admin'],
  /** 安全审计: logins, failures, lockouts, logouts, password changes, revocations; and the administrators' actions. */
  'audit.security_events.read': ['auditor', 'zone_leadership', 'admin'],
  'audit.admin_events.read': ['auditor', 'zone_leadership', 'admin'],
  /** 审计 (issue 11): every project's history searched, a project's history exported with its proofs, a project's state at a past instant. */
  'audit.history.read': ['auditor', 'zone_leadership', 'admin'],
  /** 存量项目导入 (issue 10): a portfolio's running projects with their past, as one batch. */
  'projects.import': ['admin', 'economic_cooperation_bureau_head'],
  /** Organisation (issue 10): departments, teams, industry chains; administrators keep them, all staff read them. */
  'org.manage': ['admin'],
  'org.read': [...ROLES],
  /** 招商攻势/行动 (issue 10): the zone's leadership and the Economic Cooperation Bureau head run campaigns; all staff see them and their leaderboards. */
  'campaigns.manage': ['zone_leadership', 'economic_cooperation_bureau_head'],
  'campaigns.read': [...ROLES],
  /**
   * KPIs and progress against targets (issue 10): those who assess results (zone leadership, the
   * Economic Cooperation Bureau head) and the auditors who check them. Not administrators: they
   * keep the system, not the zone's results (they may still enter targets, below).
   */
  'kpi.read': ['zone_leadership', 'economic_cooperation_bureau_head', 'auditor', 'city_leadership'],
  /** Annual targets are set by zone leadership; administrators may enter them on its behalf (audited). */
  'targets.manage': ['zone_leadership', 'admin'],
  /** The targets themselves (not the results against them): whoever reads KPIs, and the administrators who enter targets. */
  'targets.read': ['zone_leadership', 'economic_cooperation_bureau_head', 'auditor', 'admin', 'city_leadership'],
  /** 全市汇总 (issue 12): each zone's KPIs side by side; a city role reads any zone with X-ZS-Zone too. */
  'city.read': ['city_leadership'],
} satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | string, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role);
}
