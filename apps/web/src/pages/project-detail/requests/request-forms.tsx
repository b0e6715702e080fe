import { Form, Input, Radio, Typography, type FormInstance } from 'antd';
import { SATISFACTION_LABELS, SATISFACTION_RATINGS } from '@zs/domain';
import type { ComponentType } from 'react';
import type { RequestAction, RequestStepId } from '../../../logic/service-request-actions';
import { useFormKit } from '../steps/form-kit';
import { TEXT_MAX } from '../steps/project-dates';
import { DepartmentSelect } from '../steps/service-forms';
import { withoutEmpty } from '../steps/step-form';
import type { ServiceRequestView } from './send-request-step';

/** What a request's form knows: the request as last read, the action (with its clock), the form. */
export interface RequestFormContext {
  request: ServiceRequestView;
  action: RequestAction;
  form: FormInstance;
}

/** One action's form (as steps/step-form.ts StepForm): fields named as the API's, and the body made from them. */
export interface RequestForm {
  Fields: ComponentType<RequestFormContext>;
  // Form values are whatever the fields hold; each form reads its own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  toBody(values: any): unknown;
}

function TextField({ path, rows = 3 }: { path: string; rows?: number }) {
  const kit = useFormKit();
  return (
    <Form.Item name={path} label={kit.label(path)} rules={[kit.required(kit.label(path))]}>
      <Input.TextArea rows={rows} maxLength={TEXT_MAX} />
    </Form.Item>
  );
}

/** 接单: nothing to fill in; says what accepting starts. */
const acceptForm: RequestForm = {
  Fields: function AcceptFields({ request }) {
    const kit = useFormKit();
    return <Typography.Paragraph>{kit.t('requests.accept.hint', { department: request.department, category: request.categoryLabel })}</Typography.Paragraph>;
  },
  toBody: () => ({}),
};

/** 转办: to another department (not the one it is with), with the reason. */
const transferForm: RequestForm = {
  Fields: function TransferFields({ request }) {
    const kit = useFormKit();
    return (
      <>
        <Form.Item name="toDepartment" label={kit.label('toDepartment')} rules={[kit.required(kit.label('toDepartment'))]}>
          <DepartmentSelect exclude={request.department} />
        </Form.Item>
        <TextField path="reason" />
      </>
    );
  },
  toBody: (v: { toDepartment: string; reason: string }) => ({ toDepartment: v.toDepartment, reason: v.reason.trim() }),
};

/** 销单: how the request was resolved. */
const resolveForm: RequestForm = {
  Fields: () => <TextField path="resolution" rows={4} />,
  toBody: (v: { resolution: string }) => ({ resolution: v.resolution.trim() }),
};

/** 评价: the firm's rating, recorded by the bureau; 不满意 reopens the request. */
const rateForm: RequestForm = {
  Fields: function RateFields() {
    const kit = useFormKit();
    return (
      <>
        <Form.Item
          name="rating"
          label={kit.label('rating')}
          rules={[{ required: true, message: kit.t('step.rule.required', { label: kit.label('rating') }) }]}
          extra={kit.t('requests.rate.unsatisfiedHint')}
        >
          <Radio.Group options={SATISFACTION_RATINGS.map((r) => ({ value: r, label: SATISFACTION_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="comment" label={kit.label('comment')} extra={kit.t('step.optional')}>
          <Input.TextArea rows={3} maxLength={TEXT_MAX} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { rating: string; comment?: string }) => withoutEmpty({ rating: v.rating, comment: v.comment?.trim() }),
};

/** 暂停计时 / 恢复计时, with the reason (kept in the request's SLA timeline). */
const clockForm: RequestForm = {
  Fields: () => <TextField path="reason" />,
  toBody: (v: { reason: string }) => ({ reason: v.reason.trim() }),
};

/** The form of every action of a request (a missing one is a type error). */
export const REQUEST_FORMS: Record<RequestStepId, RequestForm> = {
  accept: acceptForm,
  transfer: transferForm,
  resolve: resolveForm,
  rate: rateForm,
  pauseClock: clockForm,
  resumeClock: clockForm,
};
