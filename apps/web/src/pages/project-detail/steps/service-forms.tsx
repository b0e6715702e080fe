import { Form, Input, Select } from 'antd';
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from '@zs/domain';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { useFormKit } from './form-kit';
import { TEXT_MAX } from './project-dates';
import type { StepForm } from './step-form';

/**
 * A department by its registered name (the API takes a registered department's name and keeps it),
 * from GET /departments (active ones); `exclude` leaves one out (转办: not the department it is with).
 */
export function DepartmentSelect({ exclude, ...props }: { exclude?: string; value?: string; onChange?: (value: string) => void; id?: string }) {
  const [departments, setDepartments] = useState<{ name: string; kindLabel: string }[] | null>(null);
  useEffect(() => {
    unwrap(api.GET('/departments', { params: { query: { active: true } } }))
      .then((list) => setDepartments(list.map((d) => ({ name: d.name, kindLabel: d.kindLabel }))))
      .catch(() => setDepartments([]));
  }, []);
  return (
    <Select
      {...props}
      showSearch
      optionFilterProp="label"
      loading={departments === null}
      options={(departments ?? []).filter((d) => d.name !== exclude?.trim()).map((d) => ({ value: d.name, label: `${d.name}（${d.kindLabel}）` }))}
    />
  );
}

/** 企业点单: the firm's request, recorded by the Enterprise Service Bureau and dispatched to a department. */
export const raiseServiceRequestForm: StepForm = {
  Fields: function RaiseServiceRequestFields() {
    const kit = useFormKit();
    return (
      <>
        <Form.Item name="category" label={kit.label('category')} rules={[kit.required(kit.label('category'))]} extra={kit.t('step.raiseServiceRequest.categoryHint')}>
          <Select options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[c] }))} />
        </Form.Item>
        <Form.Item name="title" label={kit.label('title')} rules={[kit.required(kit.label('title'))]}>
          <Input maxLength={TEXT_MAX} />
        </Form.Item>
        <Form.Item name="description" label={kit.label('description')} rules={[kit.required(kit.label('description'))]}>
          <Input.TextArea rows={3} maxLength={TEXT_MAX} />
        </Form.Item>
        <Form.Item name="department" label={kit.t('step.raiseServiceRequest.department')} rules={[kit.required(kit.t('step.raiseServiceRequest.department'))]}>
          <DepartmentSelect />
        </Form.Item>
      </>
    );
  },
  initialValues: () => ({ category: 'normal' }),
  toBody: (v: { category: string; title: string; description: string; department: string }) => ({
    category: v.category,
    title: v.title.trim(),
    description: v.description.trim(),
    department: v.department,
  }),
};
