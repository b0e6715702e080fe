import { Form, Input, InputNumber } from 'antd';
import { INVESTMENT_DECIMAL_PLACES, MAX_AREA_M2, MAX_ESTIMATED_INVESTMENT_YI } from '@zs/domain';
import { knownPeople } from '../../../logic/known-people';
import { amountProblem, COMMITTED_ORDER, happenedDateProblem, plannedDateProblem, previousCommitted, spaceProblem } from '../../../logic/step-form-rules';
import { DATE_ITEM, DateInput, useFormKit } from './form-kit';
import { chosenPerson, PersonFields } from './PersonSelect';
import { registeredOn, TEXT_MAX } from './project-dates';
import { withoutEmpty, type StepForm } from './step-form';

/** 签约: the contract with its committed dates (in order) and the space taken from the zone. */
export const contractForm: StepForm = {
  Fields: function ContractFields({ project, form }) {
    const kit = useFormKit();
    const registration = { date: registeredOn(project), what: kit.t('step.date.registration') };
    const areaRule = (path: string) => kit.rule(kit.label(path), (v) => (v === null || v === undefined ? null : amountProblem(v, { max: MAX_AREA_M2, places: 2, allowZero: true })));
    return (
      <>
        <Form.Item name="contractNo" label={kit.label('contractNo')} extra={kit.t('step.optional')}>
          <Input maxLength={TEXT_MAX} />
        </Form.Item>
        <Form.Item
          name="contractInvestmentYi"
          label={kit.label('contractInvestmentYi')}
          required
          rules={[kit.rule(kit.label('contractInvestmentYi'), (v) => amountProblem(v, { max: MAX_ESTIMATED_INVESTMENT_YI, places: INVESTMENT_DECIMAL_PLACES }))]}
        >
          <InputNumber style={{ width: '100%' }} min={0} step={0.1} />
        </Form.Item>
        <Form.Item name="signedOn" label={kit.label('signedOn')} {...DATE_ITEM} required rules={[kit.rule(kit.label('signedOn'), (v) => happenedDateProblem(v as string, Date.now(), registration))]}>
          <DateInput />
        </Form.Item>
        {COMMITTED_ORDER.map((key) => {
          const path = `committed.${key}`;
          return (
            <Form.Item
              key={key}
              name={['committed', key]}
              label={kit.label(path)}
              {...DATE_ITEM}
              required
              dependencies={[key === 'constructionStart' ? 'signedOn' : ['committed', COMMITTED_ORDER[COMMITTED_ORDER.indexOf(key) - 1]]]}
              rules={[
                kit.rule(kit.label(path), (v) => {
                  const previous = previousCommitted(key, form.getFieldsValue(['signedOn', 'committed']));
                  const field = previous.field === 'signedOn' ? 'signedOn' : `committed.${previous.field}`;
                  return plannedDateProblem(v as string, previous.date ? { date: previous.date, what: kit.label(field) } : undefined);
                }),
              ]}
            >
              <DateInput />
            </Form.Item>
          );
        })}
        <Form.Item name="landAreaM2" label={kit.label('landAreaM2')} rules={[areaRule('landAreaM2'), kit.rule(kit.label('landAreaM2'), (v) => spaceProblem(v, form.getFieldValue('factoryAreaM2')))]} dependencies={['factoryAreaM2']}>
          <InputNumber style={{ width: '100%' }} min={0} />
        </Form.Item>
        <Form.Item name="factoryAreaM2" label={kit.label('factoryAreaM2')} rules={[areaRule('factoryAreaM2')]}>
          <InputNumber style={{ width: '100%' }} min={0} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { contractNo?: string; contractInvestmentYi: number; signedOn: string; committed: Record<string, string>; landAreaM2?: number | null; factoryAreaM2?: number | null }) =>
    withoutEmpty({
      contractNo: v.contractNo?.trim(),
      contractInvestmentYi: v.contractInvestmentYi,
      signedOn: v.signedOn,
      committed: { constructionStart: v.committed.constructionStart, equipmentEntry: v.committed.equipmentEntry, production: v.committed.production, firstTax: v.committed.firstTax },
      landAreaM2: v.landAreaM2,
      factoryAreaM2: v.factoryAreaM2,
    }),
};

/** 项目专员: the Project Service Bureau names who accompanies the firm (itself by default). */
export const commissionerForm: StepForm = {
  Fields: function CommissionerFields({ project, user }) {
    const kit = useFormKit();
    return <PersonFields known={knownPeople(project, user)} label={kit.label('commissionerUserId')} idField="commissionerUserId" nameField="commissionerName" choiceField="commissioner" />;
  },
  initialValues: ({ user }) => ({ commissioner: user.id }),
  toBody: (v: { commissioner: string; commissionerUserId?: string; commissionerName?: string }, { project, user }) => {
    const person = chosenPerson(knownPeople(project, user), v.commissioner, v.commissionerUserId, v.commissionerName);
    return { commissionerUserId: person.userId, commissionerName: person.name };
  },
};
