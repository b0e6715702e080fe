import { STAGE_LABELS, type Stage } from '@zs/domain';

/**
 * The stage stepper of 项目详情: 线索 → 研判 → 洽谈 → 签约 → 建设 → 投产 → 履约/服务. Labels of the
 * stages are the domain's (STAGE_LABELS); 线索 (the registered lead) is the console's own step.
 */
export type StepperKey = 'lead' | 'intake' | 'negotiation' | 'signing' | 'construction' | 'production' | 'service';
export const STEPPER_KEYS: readonly StepperKey[] = ['lead', 'intake', 'negotiation', 'signing', 'construction', 'production', 'service'];

export interface StepperState {
  /** Index in STEPPER_KEYS of the step the project is at (or ended at). */
  current: number;
  /** process: under way; finish: completed (履约完成); error: ended without success (不予承接, 项目流失, 合同终止). */
  status: 'process' | 'finish' | 'error';
}

/** What the stepper needs beyond the stage: for a terminated contract, whether production had started. */
export interface StepperProject {
  stage: Stage;
  fulfilment?: object | null;
}

/**
 * Where the project stands. The lead step is always behind it. A project 投产 (production started)
 * is handed to the Enterprise Service Bureau at once (stage service), so 投产 shows done from then.
 * Ended projects stop at the step where they ended: rejected at 研判, lost at 洽谈, terminated at
 * 建设 or, once in production, at 履约/服务.
 */
export function stepperState(project: StepperProject): StepperState {
  const at = (key: StepperKey) => STEPPER_KEYS.indexOf(key);
  switch (project.stage) {
    case 'rejected':
      return { current: at('intake'), status: 'error' };
    case 'lost':
      return { current: at('negotiation'), status: 'error' };
    case 'terminated':
      return { current: project.fulfilment ? at('service') : at('construction'), status: 'error' };
    case 'completed':
      return { current: at('service'), status: 'finish' };
    default:
      return { current: at(project.stage), status: 'process' };
  }
}

/** The label of a stepper step: the domain's stage label, 线索 for the lead. */
export function stepperLabel(key: StepperKey, leadLabel: string): string {
  return key === 'lead' ? leadLabel : STAGE_LABELS[key];
}
