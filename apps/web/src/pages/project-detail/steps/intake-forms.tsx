import { Alert, Form, Input, Radio } from 'antd';
import { CONTACT_KIND_LABELS, CONTACT_KINDS, INTAKE_ACTION_LABELS, INTAKE_ACTIONS, NEGOTIATION_OUTCOME_LABELS, NEGOTIATION_OUTCOMES } from '@zs/domain';
import { happenedDateProblem, intakeDecisionProblem, negotiationOutcomeProblem } from '../../../logic/step-form-rules';
import { DATE_ITEM, DateInput, useFormKit } from './form-kit';
import { withoutEmpty, type StepForm } from './step-form';
import { registeredOn, TEXT_MAX } from './project-dates';


/** 48小时研判: accept, reject (with the reason) or request more information (what is missing). */
export const intakeDecisionForm: StepForm = {
  Fields: function IntakeDecisionFields({ project, form }) {
    const kit = useFormKit();
    const action = Form.useWatch('action', form) as string | undefined;
    const infoOpen = project.intake.infoRequests.some((r) => r.providedAt === null);
    const actions = INTAKE_ACTIONS.filter((a) => a !== 'request_info' || !infoOpen);
    return (
      <>
        <Form.Item name="action" label={kit.label('action')} rules={[kit.required(kit.label('action'))]}>
          <Radio.Group options={actions.map((a) => ({ value: a, label: INTAKE_ACTION_LABELS[a] }))} />
        </Form.Item>
        {action === 'reject' || action === 'accept' ? (
          <Form.Item
            name="reason"
            label={kit.label('reason')}
            required={action === 'reject'}
            rules={[kit.rule(kit.label('reason'), (v) => intakeDecisionProblem(action, 'reason', v)), { max: TEXT_MAX }]}
            extra={action === 'accept' ? kit.t('step.optional') : undefined}
          >
            <Input.TextArea rows={3} maxLength={TEXT_MAX} />
          </Form.Item>
        ) : null}
        {action === 'request_info' ? (
          <Form.Item name="missing" label={kit.label('missing')} required rules={[kit.rule(kit.label('missing'), (v) => intakeDecisionProblem(action, 'missing', v))]} extra={kit.t('step.intake.pausesClock')}>
            <Input.TextArea rows={3} maxLength={TEXT_MAX} />
          </Form.Item>
        ) : null}
      </>
    );
  },
  toBody: (v: { action: string; reason?: string; missing?: string }) =>
    withoutEmpty({ action: v.action, reason: v.action !== 'request_info' ? v.reason?.trim() : undefined, missing: v.action === 'request_info' ? v.missing?.trim() : undefined }),
  confirm: (v) => v.action === 'reject',
};

/** 补充研判信息: the owner answers the task force's open request; the 48-hour clock runs again. */
export const intakeInfoForm: StepForm = {
  Fields: function IntakeInfoFields({ project }) {
    const kit = useFormKit();
    const open = project.intake.infoRequests.find((r) => r.providedAt === null);
    return (
      <>
        {open ? <Alert type="info" showIcon title={kit.t('step.intake.requested', { by: open.requestedBy.displayName ?? '', missing: open.missing })} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="response" label={kit.label('response')} rules={[kit.required(kit.label('response')), { max: TEXT_MAX }]}>
          <Input.TextArea rows={4} maxLength={TEXT_MAX} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { response: string }) => ({ response: v.response.trim() }),
};

/** 洽谈记录: a visit, inspection, meeting or call; restarts the follow-up cadence. */
export const negotiationContactForm: StepForm = {
  Fields: function NegotiationContactFields(ctx) {
    const kit = useFormKit();
    const notBefore = { date: registeredOn(ctx.project), what: kit.t('step.date.registration') };
    return (
      <>
        <Form.Item name="kind" label={kit.label('kind')} rules={[kit.required(kit.label('kind'))]}>
          <Radio.Group options={CONTACT_KINDS.map((k) => ({ value: k, label: CONTACT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="date" label={kit.label('date')} {...DATE_ITEM} rules={[kit.rule(kit.label('date'), (v) => happenedDateProblem(v as string, Date.now(), notBefore))]} required>
          <DateInput />
        </Form.Item>
        <Form.Item name="participants" label={kit.label('participants')} rules={[kit.required(kit.label('participants'))]}>
          <Input maxLength={TEXT_MAX} />
        </Form.Item>
        <Form.Item name="location" label={kit.label('location')} rules={[kit.required(kit.label('location'))]}>
          <Input maxLength={TEXT_MAX} />
        </Form.Item>
        <Form.Item name="outcome" label={kit.label('outcome')} rules={[kit.required(kit.label('outcome'))]}>
          <Input.TextArea rows={3} maxLength={TEXT_MAX} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { kind: string; date: string; participants: string; location: string; outcome: string }) => ({
    kind: v.kind,
    date: v.date,
    participants: v.participants.trim(),
    location: v.location.trim(),
    outcome: v.outcome.trim(),
  }),
};

/** 洽谈结果: proceed to signing, or lost with the reason. */
export const negotiationOutcomeForm: StepForm = {
  Fields: function NegotiationOutcomeFields({ form }) {
    const kit = useFormKit();
    const outcome = Form.useWatch('outcome', form) as string | undefined;
    return (
      <>
        <Form.Item name="outcome" label={kit.label('outcome')} rules={[kit.required(kit.label('outcome'))]}>
          <Radio.Group options={NEGOTIATION_OUTCOMES.map((o) => ({ value: o, label: NEGOTIATION_OUTCOME_LABELS[o] }))} />
        </Form.Item>
        {outcome === 'lost' ? (
          <Form.Item name="reason" label={kit.label('reason')} required rules={[kit.rule(kit.label('reason'), (v) => negotiationOutcomeProblem(outcome, v))]}>
            <Input.TextArea rows={3} maxLength={TEXT_MAX} />
          </Form.Item>
        ) : null}
      </>
    );
  },
  toBody: (v: { outcome: string; reason?: string }) => withoutEmpty({ outcome: v.outcome, reason: v.outcome === 'lost' ? v.reason?.trim() : undefined }),
  confirm: (v) => v.outcome === 'lost',
};
