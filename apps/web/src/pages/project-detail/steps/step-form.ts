import type { FormInstance } from 'antd';
import type { ComponentType } from 'react';
import type { SessionUser } from '../../../auth/session-store';
import type { AvailableStep } from '../../../logic/project-steps';
import type { ProjectView } from '../project-tab';

/** What a step form knows: the project as last read, the step (with its node or clock), who fills it in. */
export interface StepFormContext {
  project: ProjectView;
  step: AvailableStep;
  user: SessionUser;
  form: FormInstance;
}

/**
 * One step's form: its fields (antd Form.Items named as the API's fields, so the API's field
 * problems land next to them), its first values, and the request body made from what was entered.
 */
export interface StepForm {
  Fields: ComponentType<StepFormContext>;
  initialValues?(ctx: StepFormContext): Record<string, unknown>;
  // Form values are whatever the fields hold; each form reads its own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  toBody(values: any, ctx: StepFormContext): unknown;
  /** A decision that cannot be undone (rejection, loss, termination) is confirmed once more. */
  confirm?(values: Record<string, unknown>): boolean;
}

/** Drops empty optional values (the API treats absent and blank differently: blank text is refused). */
export function withoutEmpty<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}
