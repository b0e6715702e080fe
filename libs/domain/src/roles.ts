/** Every role a user can hold. The single source for the API, the workflows and the seeds. */
export const ROLES = [
  'investment_officer',
  'intake_task_force',
  'economic_cooperation_bureau_head',
  'zone_leadership',
  'project_service_bureau',
  'enterprise_service_bureau',
  /** 部门经办人 (issue 10): staff of a department receiving service requests (供电公司, 自然资源局…); acts only on its own department's requests. */
  'department_staff',
  'auditor',
  'admin',
  /** 市领导 (issue 12): reads every zone of the city (projects, tasks, KPIs), acts in none. */
  'city_leadership',
] as const;

export type Role = (typeof ROLES)[number];

/** Labels staff see (domain.md uses these terms). */
export const ROLE_LABELS: Record<Role, string> = {
  investment_officer: '招商专员',
  intake_task_force: '项目承接专班',
  economic_cooperation_bureau_head: '经济合作局局长',
  zone_leadership: '管委会领导',
  project_service_bureau: '项目服务局',
  enterprise_service_bureau: '企业服务局',
  department_staff: '部门经办人',
  auditor: '审计督查',
  admin: '系统管理员',
  city_leadership: '市领导',
};

/** Roles that read across the zones of the city (X-ZS-Zone picks the zone a request reads). */
export const CITY_ROLES: readonly Role[] = ['city_leadership'];

export const isCityRole = (role: Role): boolean => CITY_ROLES.includes(role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The system itself acts for timers (warnings, escalations). */
export const SYSTEM_ACTOR = { userId: 'system', role: 'system' } as const;

export interface Actor {
  userId: string;
  role: Role;
  displayName?: string;
  /** The actor's department (issue 10), for department-scoped rules; absent before. */
  departmentId?: string | null;
  /**
   * The actor's department by name (issue 10), as service requests, notifications and webhooks
   * name departments; set by the API from the account, read by department-scoped rules.
   */
  departmentName?: string | null;
}

export type AuditActor = Actor | typeof SYSTEM_ACTOR;
