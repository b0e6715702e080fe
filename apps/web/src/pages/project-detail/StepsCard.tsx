import { Button, Card, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import type { AvailableStep } from '../../logic/project-steps';
import type { ProjectView } from './project-tab';
import { stepTitle } from './steps/step-title';

/** Danger: ends the project or its contract. */
const ENDING_STEPS: readonly string[] = ['terminateContract'];

/** 可办理事项: the steps this user may take on this project now, each opening its form. */
export function StepsCard({ project, steps, onOpen }: { project: ProjectView; steps: AvailableStep[]; onOpen(step: AvailableStep): void }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('detail.steps')}>
      {steps.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.steps.none')}</Typography.Text>
      ) : (
        <Space wrap>
          {steps.map((step, i) => (
            <Button key={step.param} type={i === 0 ? 'primary' : 'default'} danger={ENDING_STEPS.includes(step.id)} onClick={() => onOpen(step)}>
              {stepTitle(step, project, t)}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}
