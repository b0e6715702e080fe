import type { MessageKey } from '../i18n/messages';
import { useUnreadCount } from '../pages/notifications/unread-count';
import { useOpenTaskCount } from '../pages/tasks/open-task-count';

/**
 * Counts shown beside menu entries (我的待办: open tasks; 消息: unread). Each page's module
 * provides its own count hook; this file only gathers them for the menu.
 */
export function useMenuBadges(): Partial<Record<MessageKey, number>> {
  const openTasks = useOpenTaskCount();
  const unread = useUnreadCount();
  return { ...(openTasks ? { 'menu.tasks': openTasks } : {}), ...(unread ? { 'menu.notifications': unread } : {}) };
}
