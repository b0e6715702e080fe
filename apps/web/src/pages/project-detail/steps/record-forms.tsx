import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { FUNDS_SOURCE_LABELS, FUNDS_SOURCES, INVESTMENT_DECIMAL_PLACES, MAX_ESTIMATED_INVESTMENT_YI, VISIT_KIND_LABELS, VISIT_KINDS } from '@zs/domain';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { knownPeople } from '../../../logic/known-people';
import { amountProblem, happenedDateProblem } from '../../../logic/step-form-rules';
import { DATE_ITEM, DateInput, useFormKit } from './form-kit';
import { chosenPerson, PersonFields } from './PersonSelect';
import { registeredOn, signedOn, TEXT_MAX } from './project-dates';
import type { StepForm } from './step-form';

/** 履约检查: what is in place against the contract. */
export const fulfilmentCheckForm: StepForm = {
  Fields: function FulfilmentCheckFields() {
    const kit = useFormKit();
    return (
      <>
        <Form.Item
          name="investmentInPlaceYi"
          label={kit.label('investmentInPlaceYi')}
          required
          rules={[kit.rule(kit.label('investmentInPlaceYi'), (v) => amountProblem(v, { max: MAX_ESTIMATED_INVESTMENT_YI * 10, allowZero: true }))]}
        >
          <InputNumber style={{ width: '100%' }} min={0} />
        </Form.Item>
        <Form.Item name="taxPaidWanYuan" label={kit.label('taxPaidWanYuan')} required rules={[kit.rule(kit.label('taxPaidWanYuan'), (v) => amountProblem(v, { max: Number.MAX_SAFE_INTEGER, allowZero: true }))]}>
          <InputNumber style={{ width: '100%' }} min={0} />
        </Form.Item>
        <Form.Item name="fulfilled" label={kit.label('fulfilled')} rules={[{ required: true, message: kit.t('step.rule.required', { label: kit.label('fulfilled') }) }]}>
          <Radio.Group
            options={[
              { value: true, label: kit.t('step.yes') },
              { value: false, label: kit.t('step.no') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={kit.label('note')} rules={[kit.required(kit.label('note'))]}>
          <Input.TextArea rows={3} maxLength={TEXT_MAX} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { investmentInPlaceYi: number; taxPaidWanYuan: number; fulfilled: boolean; note: string }) => ({
    investmentInPlaceYi: v.investmentInPlaceYi,
    taxPaidWanYuan: v.taxPaidWanYuan,
    fulfilled: v.fulfilled,
    note: v.note.trim(),
  }),
};

function ReasonField({ path = 'reason' }: { path?: string }) {
  const kit = useFormKit();
  return (
    <Form.Item name={path} label={kit.label(path)} rules={[kit.required(kit.label(path))]}>
      <Input.TextArea rows={3} maxLength={TEXT_MAX} />
    </Form.Item>
  );
}

/** 履约完成 (leadership, after a fulfilled check). */
export const completionForm: StepForm = {
  Fields: () => <ReasonField />,
  toBody: (v: { reason: string }) => ({ reason: v.reason.trim() }),
  confirm: () => true,
};

/** 合同终止, with the reason and who approved it. */
export const terminationForm: StepForm = {
  Fields: () => (
    <>
      <ReasonField />
      <ReasonField path="approver" />
    </>
  ),
  toBody: (v: { reason: string; approver: string }) => ({ reason: v.reason.trim(), approver: v.approver.trim() }),
  confirm: () => true,
};

/** 暂停计时 / 恢复计时, with the reason (recorded in the SLA timeline). */
export const clockReasonForm: StepForm = {
  Fields: () => <ReasonField />,
  toBody: (v: { reason: string }) => ({ reason: v.reason.trim() }),
};

/** 到位资金: one dated entry of the ledger. */
export const fundsForm: StepForm = {
  Fields: function FundsFields({ project }) {
    const kit = useFormKit();
    const signing = signedOn(project);
    return (
      <>
        <Form.Item
          name="amountYi"
          label={kit.label('amountYi')}
          required
          rules={[kit.rule(kit.label('amountYi'), (v) => amountProblem(v, { max: MAX_ESTIMATED_INVESTMENT_YI, places: INVESTMENT_DECIMAL_PLACES }))]}
        >
          <InputNumber style={{ width: '100%' }} min={0} step={0.1} />
        </Form.Item>
        <Form.Item
          name="date"
          label={kit.label('date')}
          {...DATE_ITEM}
          required
          rules={[kit.rule(kit.label('date'), (v) => happenedDateProblem(v as string, Date.now(), signing ? { date: signing, what: kit.label('signedOn') } : undefined))]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item name="source" label={kit.label('source')} rules={[kit.required(kit.label('source'))]}>
          <Select options={FUNDS_SOURCES.map((s) => ({ value: s, label: FUNDS_SOURCE_LABELS[s] }))} />
        </Form.Item>
        <Form.Item name="evidence" label={kit.label('evidence')} rules={[kit.required(kit.label('evidence'))]}>
          <Input maxLength={TEXT_MAX} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { amountYi: number; date: string; source: string; evidence: string }) => ({ amountYi: v.amountYi, date: v.date, source: v.source, evidence: v.evidence.trim() }),
};

/** 首次纳税: the actual date (and amount), once. */
export const firstTaxForm: StepForm = {
  Fields: function FirstTaxFields({ project }) {
    const kit = useFormKit();
    const signing = signedOn(project);
    return (
      <>
        <Form.Item
          name="date"
          label={kit.label('date')}
          {...DATE_ITEM}
          required
          rules={[kit.rule(kit.label('date'), (v) => happenedDateProblem(v as string, Date.now(), signing ? { date: signing, what: kit.label('signedOn') } : undefined))]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          name="amountWanYuan"
          label={kit.label('amountWanYuan')}
          extra={kit.t('step.optional')}
          rules={[kit.rule(kit.label('amountWanYuan'), (v) => (v === null || v === undefined ? null : amountProblem(v, { max: Number.MAX_SAFE_INTEGER, allowZero: true })))]}
        >
          <InputNumber style={{ width: '100%' }} min={0} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { date: string; amountWanYuan?: number | null }) => ({ date: v.date, amountWanYuan: v.amountWanYuan ?? null }),
};

/** 走访/外出招商, at any open stage. */
export const visitForm: StepForm = {
  Fields: function VisitFields({ project }) {
    const kit = useFormKit();
    const registration = { date: registeredOn(project), what: kit.t('step.date.registration') };
    return (
      <>
        <Form.Item name="kind" label={kit.label('kind')} rules={[kit.required(kit.label('kind'))]}>
          <Select options={VISIT_KINDS.map((k) => ({ value: k, label: VISIT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="date" label={kit.label('date')} {...DATE_ITEM} required rules={[kit.rule(kit.label('date'), (v) => happenedDateProblem(v as string, Date.now(), registration))]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="participants" label={kit.label('participants')} rules={[kit.required(kit.label('participants'))]}>
          <Input maxLength={TEXT_MAX} />
        </Form.Item>
        <Form.Item name="summary" label={kit.label('summary')} rules={[kit.required(kit.label('summary'))]}>
          <Input.TextArea rows={3} maxLength={TEXT_MAX} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { kind: string; date: string; participants: string; summary: string }) => ({ kind: v.kind, date: v.date, participants: v.participants.trim(), summary: v.summary.trim() }),
};

const KEEP = '__keep__';
const NONE = '__none__';

/** 调整项目归属: a new owner and/or the campaign the project counts for, with the reason. */
export const ownershipForm: StepForm = {
  Fields: function OwnershipFields({ project, user }) {
    const kit = useFormKit();
    const [campaigns, setCampaigns] = useState<{ id: string; name: string }[]>([]);
    useEffect(() => {
      unwrap(api.GET('/campaigns', { params: { query: { pageSize: 100 } } }))
        .then((page) => setCampaigns(page.items.map((c) => ({ id: c.id, name: c.name }))))
        .catch(() => setCampaigns([]));
    }, []);
    return (
      <>
        <PersonFields known={knownPeople(project, user)} label={kit.label('ownerUserId')} idField="ownerUserId" nameField="ownerName" choiceField="owner" />
        <Form.Item name="campaignId" label={kit.label('campaignId')}>
          <Select
            options={[
              { value: KEEP, label: kit.t('step.ownership.keepCampaign') },
              { value: NONE, label: kit.t('step.ownership.noCampaign') },
              ...campaigns.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        </Form.Item>
        <ReasonField />
      </>
    );
  },
  initialValues: ({ project }) => ({ owner: project.ownership?.owner?.userId ?? project.registeredBy.userId, campaignId: KEEP }),
  toBody: (v: { owner: string; ownerUserId?: string; campaignId: string; reason: string }, { project, user }) => {
    const owner = chosenPerson(knownPeople(project, user), v.owner, v.ownerUserId).userId;
    const current = project.ownership?.owner?.userId ?? project.registeredBy.userId;
    // null campaignId means "counts for no campaign": kept, unlike an unchanged field, which is left out.
    const body: Record<string, unknown> = { reason: v.reason.trim() };
    if (owner !== current) body.ownerUserId = owner;
    if (v.campaignId !== KEEP) body.campaignId = v.campaignId === NONE ? null : v.campaignId;
    return body;
  },
};
