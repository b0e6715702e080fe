import { Card, Steps } from 'antd';
import { STAGE_LABELS } from '@zs/domain';
import { useI18n } from '../../i18n/I18nProvider';
import { STEPPER_KEYS, stepperLabel, stepperState } from '../../logic/stage-stepper';
import type { ProjectView } from './project-tab';

/** 线索 → 研判 → 洽谈 → 签约 → 建设 → 投产 → 履约/服务; an ended project shows where and how it ended. */
export function StageStepper({ project }: { project: ProjectView }) {
  const { t } = useI18n();
  const state = stepperState(project);
  return (
    <Card size="small">
      <Steps
        size="small"
        current={state.current}
        status={state.status}
        responsive
        items={STEPPER_KEYS.map((key, i) => ({
          title: stepperLabel(key, t('detail.stepper.lead')),
          content: i === state.current && state.status !== 'process' ? STAGE_LABELS[project.stage] : undefined,
        }))}
      />
    </Card>
  );
}
