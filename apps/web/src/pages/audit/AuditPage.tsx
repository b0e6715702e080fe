import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { ChainVerifyTab } from './ChainVerifyTab';
import { HistoryExportTab } from './HistoryExportTab';
import { ReconciliationTab } from './ReconciliationTab';
import { AuditSearchTab } from './AuditSearchTab';
import { StateAsOfTab } from './StateAsOfTab';
import './audit.css';

const TABS = ['search', 'verify', 'export', 'state', 'reconciliation'] as const;
type AuditTab = (typeof TABS)[number];

/**
 * 审计: the auditors' page (auditors, leadership, administrators): the history of every project
 * searched, the chains verified, a project's history exported with its proofs, a project's state
 * at a chosen instant, and the reconciliation with the workflows' own records. The tab is in the
 * address, so a link or the back button returns to it.
 */
export default function AuditPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: AuditTab = TABS.includes(requested as AuditTab) ? (requested as AuditTab) : 'search';
  const select = (key: string) => setParams(key === 'search' ? {} : { tab: key });

  return (
    <div className="audit-page">
      <Typography.Title level={4}>{t('audit.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={select}
        destroyOnHidden
        items={[
          { key: 'search', label: t('audit.tab.search'), children: <AuditSearchTab /> },
          { key: 'verify', label: t('audit.tab.verify'), children: <ChainVerifyTab /> },
          { key: 'export', label: t('audit.tab.export'), children: <HistoryExportTab /> },
          { key: 'state', label: t('audit.tab.state'), children: <StateAsOfTab /> },
          { key: 'reconciliation', label: t('audit.tab.reconciliation'), children: <ReconciliationTab /> },
        ]}
      />
    </div>
  );
}
