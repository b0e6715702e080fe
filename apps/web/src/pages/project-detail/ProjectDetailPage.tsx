import { Alert, Space, Tabs } from 'antd';
import { lazy, Suspense, useMemo, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import type { ApiError } from '../../api/api-error';
import { useUser } from '../../auth/SessionProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { availableSteps, stepForParam, type AvailableStep } from '../../logic/project-steps';
import { ClocksCard } from './ClocksCard';
import OverviewTab from './OverviewTab';
import { ProjectHeader } from './ProjectHeader';
import type { ProjectTabProps } from './project-tab';
import { StageStepper } from './StageStepper';
import { StepDrawer } from './steps/StepDrawer';
import { StepsCard } from './StepsCard';
import { useProject } from './use-project';

/** The tabs, each its own module loaded when first opened; `key` is its ?tab= value. */
const TABS: { key: string; label: MessageKey; page: ComponentType<ProjectTabProps> | LazyExoticComponent<ComponentType<ProjectTabProps>> }[] = [
  { key: 'overview', label: 'detail.tab.overview', page: OverviewTab },
  { key: 'milestones', label: 'projectTabs.tab.milestones', page: lazy(() => import('./tabs/MilestonesTab')) },
  { key: 'progress', label: 'projectTabs.tab.progress', page: lazy(() => import('./tabs/ProgressTab')) },
  { key: 'service-requests', label: 'projectTabs.tab.serviceRequests', page: lazy(() => import('./tabs/ServiceRequestsTab')) },
  { key: 'funds', label: 'projectTabs.tab.funds', page: lazy(() => import('./tabs/FundsTab')) },
  { key: 'history', label: 'projectTabs.tab.history', page: lazy(() => import('./tabs/HistoryTab')) },
  { key: 'sla', label: 'projectTabs.tab.sla', page: lazy(() => import('./tabs/SlaTimelineTab')) },
];

/**
 * 项目详情: the header, the stage stepper, the live clocks, the steps this user may take now (each a
 * form in a drawer; ?step=… opens one, as 我的待办 links do), and the tabs. After a step, or when the
 * API says the project moved meanwhile (409), the project is read again.
 */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const { project, readAt, error, loading, reload } = useProject(id);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const steps = useMemo(() => (project ? availableSteps(project, user) : []), [project, user]);
  const stepParam = search.get('step');
  const open = stepForParam(steps, stepParam);
  const tab = TABS.some((x) => x.key === search.get('tab')) ? search.get('tab')! : 'overview';

  const setParams = (change: Record<string, string | null>) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(change)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  const openStep = (step: AvailableStep) => {
    setConflict(null);
    setParams({ step: step.param });
  };
  const closeStep = () => setParams({ step: null });

  if (!project) return error ? <ErrorAlert error={error} onRetry={() => void reload()} /> : <PageLoading />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ProjectHeader project={project} />
      {error ? <ErrorAlert error={error} onRetry={() => void reload()} /> : null}
      {conflict ? <Alert type="warning" showIcon role="alert" closable onClose={() => setConflict(null)} title={t('detail.conflict')} description={conflict.message} /> : null}
      {stepParam && !open && !loading && !conflict ? <Alert type="info" showIcon closable onClose={closeStep} title={t('detail.steps.notAvailable')} /> : null}
      <StageStepper project={project} />
      <ClocksCard project={project} readAt={readAt} />
      <StepsCard project={project} steps={steps} onOpen={openStep} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key === 'overview' ? null : key })}
        items={TABS.map((x) => ({
          key: x.key,
          label: t(x.label),
          children: (
            <Suspense fallback={<PageLoading />}>
              <x.page project={project} reload={reload} />
            </Suspense>
          ),
        }))}
        destroyOnHidden
      />
      {open ? (
        <StepDrawer
          key={`${open.param}:${project.id}`}
          project={project}
          step={open}
          onClose={closeStep}
          onDone={async () => {
            closeStep();
            await reload();
          }}
          onConflict={async (err) => {
            setConflict(err);
            closeStep();
            await reload();
          }}
        />
      ) : null}
    </Space>
  );
}
