import { AlertOutlined, AuditOutlined, BellOutlined, DashboardOutlined, DatabaseOutlined, FileAddOutlined, GlobalOutlined, ScheduleOutlined, SettingOutlined } from '@ant-design/icons';
import { can, type Permission } from '@zs/domain';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/messages';

/**
 * Every page of the console, defined once: its path, its menu entry and who may open it (a
 * permission of the domain's table, the same the API checks). Pages load on first visit, so
 * 我的待办 does not wait for the charts of the dashboard.
 */
export interface PageRoute {
  path: string;
  /** Menu entry; pages without one (project detail) are reached by links. */
  menu?: { key: MessageKey; icon: ReactNode };
  /** Who may open it; every signed-in user when absent. */
  allowed?: (role: string) => boolean;
  page: LazyExoticComponent<ComponentType>;
}

const by = (permission: Permission) => (role: string) => can(role, permission);
const staffWithTasks = (role: string) => role !== 'auditor' && role !== 'admin';

export const PAGE_ROUTES: readonly PageRoute[] = [
  // 全市汇总 (issue 12) first: only a city role (市领导) sees it, and lands on it.
  { path: '/city', menu: { key: 'menu.city', icon: <GlobalOutlined /> }, allowed: by('city.read'), page: lazy(() => import('../pages/city/CityPage')) },
  { path: '/tasks', menu: { key: 'menu.tasks', icon: <ScheduleOutlined /> }, allowed: staffWithTasks, page: lazy(() => import('../pages/tasks/TasksPage')) },
  { path: '/projects', menu: { key: 'menu.projects', icon: <DatabaseOutlined /> }, allowed: by('project.read'), page: lazy(() => import('../pages/projects/ProjectsPage')) },
  { path: '/projects/:id', allowed: by('project.read'), page: lazy(() => import('../pages/project-detail/ProjectDetailPage')) },
  { path: '/leads/new', menu: { key: 'menu.newLead', icon: <FileAddOutlined /> }, allowed: by('lead.register'), page: lazy(() => import('../pages/lead/NewLeadPage')) },
  { path: '/notifications', menu: { key: 'menu.notifications', icon: <BellOutlined /> }, page: lazy(() => import('../pages/notifications/NotificationsPage')) },
  { path: '/supervision', menu: { key: 'menu.supervision', icon: <AlertOutlined /> }, allowed: by('sla.read'), page: lazy(() => import('../pages/supervision/SupervisionPage')) },
  { path: '/dashboard', menu: { key: 'menu.dashboard', icon: <DashboardOutlined /> }, allowed: by('kpi.read'), page: lazy(() => import('../pages/dashboard/DashboardPage')) },
  { path: '/audit', menu: { key: 'menu.audit', icon: <AuditOutlined /> }, allowed: by('audit.verify'), page: lazy(() => import('../pages/audit/AuditPage')) },
  { path: '/admin/*', menu: { key: 'menu.admin', icon: <SettingOutlined /> }, allowed: (role) => can(role, 'org.manage') || can(role, 'users.manage'), page: lazy(() => import('../pages/admin/AdminPage')) },
];

/** Where a user lands after signing in: their tasks, or the first page their role may open. */
export function homePathFor(role: string): string {
  return PAGE_ROUTES.find((r) => r.menu && (!r.allowed || r.allowed(role)))?.path.replace('/*', '') ?? '/projects';
}
