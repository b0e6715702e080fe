import { Tabs, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { ADMIN_SECTIONS, sectionOfPath, type AdminSection } from './admin-sections';
import { CalendarCoverageWarning } from './calendar/CalendarCoverageWarning';
import { CalendarSection } from './calendar/CalendarSection';
import { ChainsSection } from './org/ChainsSection';
import { DepartmentsSection } from './org/DepartmentsSection';
import { TeamsSection } from './org/TeamsSection';
import { ImportsSection } from './imports/ImportsSection';
import { OutboxSection } from './outbox/OutboxSection';
import { WebhooksSection } from './outbox/WebhooksSection';
import { SlaSection } from './sla/SlaSection';
import { UsersSection } from './users/UsersSection';
import './admin.css';

const TAB_LABELS: Record<AdminSection, MessageKey> = {
  users: 'admin.tab.users',
  departments: 'admin.tab.departments',
  teams: 'admin.tab.teams',
  chains: 'admin.tab.chains',
  sla: 'admin.tab.sla',
  calendar: 'admin.tab.calendar',
  webhooks: 'admin.tab.webhooks',
  outbox: 'admin.tab.outbox',
  imports: 'admin.tab.imports',
};

/**
 * 系统管理: one tab per section, each at /ui/admin/<section>. The calendar warning stands above
 * every tab: a missing year of holidays moves deadlines for everyone, whatever the administrator
 * came here to do.
 */
export default function AdminPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const section = sectionOfPath(useParams()['*']);
  // Overrides entered in the calendar tab change the warning's count: it reads again.
  const [calendarRound, setCalendarRound] = useState(0);
  const calendarChanged = useCallback(() => setCalendarRound((r) => r + 1), []);

  const content: Record<AdminSection, () => ReactNode> = {
    users: () => <UsersSection />,
    departments: () => <DepartmentsSection />,
    teams: () => <TeamsSection />,
    chains: () => <ChainsSection />,
    sla: () => <SlaSection />,
    calendar: () => <CalendarSection onChanged={calendarChanged} round={calendarRound} />,
    webhooks: () => <WebhooksSection />,
    outbox: () => <OutboxSection />,
    imports: () => <ImportsSection />,
  };

  return (
    <div className="admin-page">
      <Typography.Title level={4}>{t('menu.admin')}</Typography.Title>
      {section !== 'calendar' && <CalendarCoverageWarning round={calendarRound} onOpenCalendar={() => navigate('/admin/calendar')} />}
      <Tabs
        activeKey={section}
        onChange={(key) => navigate(`/admin/${key}`)}
        destroyOnHidden
        items={ADMIN_SECTIONS.map((key) => ({ key, label: t(TAB_LABELS[key]), children: key === section ? content[key]() : null }))}
      />
    </div>
  );
}
