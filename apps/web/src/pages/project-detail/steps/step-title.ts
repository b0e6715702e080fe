import { MILESTONE_LABELS } from '@zs/domain';
import type { MessageKey } from '../../../i18n/messages';
import type { AvailableStep } from '../../../logic/project-steps';
import type { ProjectView } from '../project-tab';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A step's name as staff read it: 同意/不予承接研判, 完成节点：土地/厂房交付, 暂停计时：项目专员指派… */
export function stepTitle(step: AvailableStep, project: ProjectView, t: Translate): string {
  const base = t(`step.${step.id}.title` as MessageKey);
  if (step.kind) return `${base}：${MILESTONE_LABELS[step.kind]}`;
  if (step.clock) return `${base}：${project.clocks.find((c) => c.clock === step.clock)?.label ?? ''}`;
  return base;
}
