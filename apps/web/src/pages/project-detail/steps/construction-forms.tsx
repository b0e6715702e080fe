import { Alert, Form, Input, Select, Typography } from 'antd';
import { MILESTONE_KINDS, MILESTONE_LABELS, templateDueDates, type Contract, type MilestoneKind } from '@zs/domain';
import { knownPeople } from '../../../logic/known-people';
import { happenedDateProblem, plannedDateProblem } from '../../../logic/step-form-rules';
import type { ProjectView } from '../project-tab';
import { DATE_ITEM, DateInput, useFormKit } from './form-kit';
import { signedOn, TEXT_MAX } from './project-dates';
import type { StepForm } from './step-form';

interface PlanRow {
  kind: MilestoneKind;
  responsibleUserId: string;
  dueOn?: string;
  todos?: string[];
}

/** The template's due dates from the contract's committed dates (the domain's rule; it reads only signedOn and committed). */
function templateDates(project: ProjectView): Partial<Record<MilestoneKind, string>> {
  return project.contract ? templateDueDates(project.contract as unknown as Contract) : {};
}

function useSigning(project: ProjectView) {
  const kit = useFormKit();
  const date = signedOn(project);
  return date ? { date, what: kit.label('signedOn') } : undefined;
}

/** 节点计划: every template node with who is responsible and when it is due (template dates proposed). */
export const milestonePlanForm: StepForm = {
  Fields: function MilestonePlanFields({ project, user }) {
    const kit = useFormKit();
    const signing = useSigning(project);
    const people = knownPeople(project, user);
    return (
      <Form.List name="nodes">
        {(rows) => (
          <div className="step-plan-rows">
            {rows.map((row, i) => {
              const kind = MILESTONE_KINDS[i];
              return (
                <fieldset key={row.key} style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px 0', marginBottom: 12 }}>
                  <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
                    {i + 1}. {MILESTONE_LABELS[kind]}
                  </legend>
                  <Form.Item name={[row.name, 'kind']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[row.name, 'responsibleUserId']} label={kit.label('nodes[].responsibleUserId')} rules={[kit.required(kit.label('nodes[].responsibleUserId'))]}>
                    <Select options={people.map((p) => ({ value: p.userId, label: p.name }))} aria-label={`${MILESTONE_LABELS[kind]} ${kit.label('nodes[].responsibleUserId')}`} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'dueOn']}
                    label={kit.label('nodes[].dueOn')}
                    {...DATE_ITEM}
                    required
                    rules={[kit.rule(kit.label('nodes[].dueOn'), (v) => plannedDateProblem(v as string, signing))]}
                  >
                    <DateInput />
                  </Form.Item>
                  <Form.Item name={[row.name, 'todos']} label={kit.label('nodes[].todos')} extra={kit.t('step.plan.todosHint')}>
                    <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';']} />
                  </Form.Item>
                </fieldset>
              );
            })}
          </div>
        )}
      </Form.List>
    );
  },
  initialValues: ({ project, user }) => {
    const dates = templateDates(project);
    const responsible = project.handover?.commissioner?.userId ?? user.id;
    return { nodes: MILESTONE_KINDS.map((kind): PlanRow => ({ kind, responsibleUserId: responsible, dueOn: dates[kind], todos: [] })) };
  },
  toBody: (v: { nodes: PlanRow[] }, { project, user }) => {
    const people = knownPeople(project, user);
    return {
      nodes: v.nodes.map((n) => ({
        kind: n.kind,
        responsibleUserId: n.responsibleUserId,
        responsibleName: people.find((p) => p.userId === n.responsibleUserId)?.name ?? '',
        todos: (n.todos ?? []).map((todo) => todo.trim()).filter(Boolean),
        dueOn: n.dueOn,
      })),
    };
  },
};

/** 节点完成: the date and the evidence of one node. */
export const milestoneCompleteForm: StepForm = {
  Fields: function MilestoneCompleteFields({ project, step }) {
    const kit = useFormKit();
    const signing = useSigning(project);
    const node = project.construction?.nodes.find((n) => n.kind === step.kind);
    return (
      <>
        {node ? (
          <Typography.Paragraph type="secondary">
            {kit.t('step.milestone.dueOn', { date: node.dueOn, name: node.responsible.name })}
            {node.todos.length ? `；${kit.label('nodes[].todos')}：${node.todos.join('、')}` : ''}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="completedOn" label={kit.label('completedOn')} {...DATE_ITEM} required rules={[kit.rule(kit.label('completedOn'), (v) => happenedDateProblem(v as string, Date.now(), signing))]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="evidence" label={kit.label('evidence')} rules={[kit.required(kit.label('evidence'))]}>
          <Input.TextArea rows={3} maxLength={TEXT_MAX} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { completedOn: string; evidence: string }) => ({ completedOn: v.completedOn, evidence: v.evidence.trim() }),
};

/** 每日进度. */
export const progressForm: StepForm = {
  Fields: function ProgressFields({ project }) {
    const kit = useFormKit();
    const signing = useSigning(project);
    return (
      <>
        <Form.Item name="date" label={kit.label('date')} {...DATE_ITEM} required rules={[kit.rule(kit.label('date'), (v) => happenedDateProblem(v as string, Date.now(), signing))]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="note" label={kit.label('note')} rules={[kit.required(kit.label('note'))]}>
          <Input.TextArea rows={4} maxLength={TEXT_MAX} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { date: string; note: string }) => ({ date: v.date, note: v.note.trim() }),
};

/** 计划调整: new due dates for open nodes, with the reason; a new plan version. */
export const rebaselineForm: StepForm = {
  Fields: function RebaselineFields({ project }) {
    const kit = useFormKit();
    const signing = useSigning(project);
    const open = (project.construction?.nodes ?? []).filter((n) => n.completedOn === null);
    return (
      <>
        <Form.Item name="reason" label={kit.label('reason')} rules={[kit.required(kit.label('reason'))]}>
          <Input.TextArea rows={2} maxLength={TEXT_MAX} />
        </Form.Item>
        <Alert type="info" showIcon title={kit.t('step.rebaseline.hint')} style={{ marginBottom: 16 }} />
        {open.map((node) => (
          <Form.Item
            key={node.kind}
            name={['dueDates', node.kind]}
            label={`${MILESTONE_LABELS[node.kind]}（${kit.t('step.rebaseline.current', { date: node.dueOn })}）`}
            {...DATE_ITEM}
            rules={[kit.rule(MILESTONE_LABELS[node.kind], (v) => plannedDateProblem(v as string, signing))]}
          >
            <DateInput />
          </Form.Item>
        ))}
      </>
    );
  },
  initialValues: ({ project }) => ({
    dueDates: Object.fromEntries((project.construction?.nodes ?? []).filter((n) => n.completedOn === null).map((n) => [n.kind, n.dueOn])),
  }),
  toBody: (v: { reason: string; dueDates: Record<string, string> }, { project }) => ({
    reason: v.reason.trim(),
    changes: (project.construction?.nodes ?? []).filter((n) => n.completedOn === null && v.dueDates[n.kind] && v.dueDates[n.kind] !== n.dueOn).map((n) => ({ kind: n.kind, dueOn: v.dueDates[n.kind] })),
  }),
};

/** 投产: the actual production date once every other node is complete; the project passes to the Enterprise Service Bureau. */
export const productionForm: StepForm = {
  Fields: function ProductionFields({ project }) {
    const kit = useFormKit();
    const signing = useSigning(project);
    return (
      <>
        <Form.Item name="actualDate" label={kit.label('actualDate')} {...DATE_ITEM} required rules={[kit.rule(kit.label('actualDate'), (v) => happenedDateProblem(v as string, Date.now(), signing))]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="evidence" label={kit.label('evidence')} rules={[kit.required(kit.label('evidence'))]}>
          <Input.TextArea rows={3} maxLength={TEXT_MAX} />
        </Form.Item>
      </>
    );
  },
  toBody: (v: { actualDate: string; evidence: string }) => ({ actualDate: v.actualDate, evidence: v.evidence.trim() }),
};
