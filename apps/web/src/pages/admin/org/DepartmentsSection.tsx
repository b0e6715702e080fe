import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS } from '@zs/domain';
import { Button, Form, Input, Select, Space, Table, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';
import { ADMIN_RULES, NOT_BLANK } from '../admin-form-rules';
import { departmentTree, selfAndDescendants, type DepartmentNode } from '../department-tree';
import { ActiveTag } from '../shared/ActiveTag';
import { FormModal } from '../shared/FormModal';
import { ReasonModal } from '../shared/ReasonModal';
import { useRegistryEditing } from '../shared/use-registry-editing';
import type { Department } from '../staff-directory';
import { useRemote } from '../../../components/use-remote';
import { departmentTreeData } from './department-options';

interface DepartmentRow extends Department {
  children?: DepartmentRow[];
}

type DepartmentBody = components['schemas']['CreateDepartmentDto'];

interface DepartmentFormValues {
  code: string;
  name: string;
  kind: string;
  parentId?: string | null;
  reason?: string;
}

const toRow = (node: DepartmentNode<Department>): DepartmentRow => ({ ...node.department, children: node.children.length ? node.children.map(toRow) : undefined });

/** 部门: the hierarchy as a tree; register, rename, move, (de)activate. */
export function DepartmentsSection() {
  const { t } = useI18n();
  const departments = useRemote(() => unwrap(api.GET('/admin/departments', { params: { query: {} } })), 'departments');
  const rows = useMemo(() => departmentTree(departments.data ?? []).map(toRow), [departments.data]);
  const { editing, setEditing, toggling, setToggling, save, toggle } = useRegistryEditing<Department, DepartmentBody>({
    create: (body) => unwrap(api.POST('/admin/departments', { body })),
    update: (id, body) => unwrap(api.PATCH('/admin/departments/{id}', { params: { path: { id } }, body })),
    setActive: (id, active, reason) => {
      const call = { params: { path: { id } }, body: { reason } };
      return unwrap(active ? api.POST('/admin/departments/{id}/activate', call) : api.POST('/admin/departments/{id}/deactivate', call));
    },
    reload: departments.reload,
  });
  const [form] = Form.useForm<DepartmentFormValues>();
  const tooLong = (max: number) => ({ max, message: t('admin.tooLong', { max }) });
  const unavailableParents = useMemo(() => (editing ? selfAndDescendants(departments.data ?? [], editing.id) : new Set<string>()), [editing, departments.data]);

  const bodyOf = (values: DepartmentFormValues): DepartmentBody => ({
    code: values.code.trim(),
    name: values.name.trim(),
    kind: values.kind as DepartmentBody['kind'],
    parentId: values.parentId ?? null,
    reason: values.reason?.trim() || undefined,
  });

  return (
    <section aria-label={t('admin.tab.departments')}>
      <div className="admin-toolbar">
        <span>{t('admin.departments.intro')}</span>
        <Button type="primary" className="admin-toolbar-end" onClick={() => setEditing(null)}>
          {t('admin.departments.create')}
        </Button>
      </div>
      <ErrorAlert error={departments.error} onRetry={departments.reload} />
      {departments.data ? (
        <Table<DepartmentRow>
          key={departments.data?.length ?? 0 /* every level expanded as the tree arrives or grows */}
          rowKey="id"
          size="middle"
          loading={departments.loading}
          dataSource={rows}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          scroll={{ x: 760 }}
          columns={[
            { title: t('admin.departments.name'), dataIndex: 'name' },
            { title: t('admin.departments.code'), dataIndex: 'code', width: 140 },
            { title: t('admin.departments.kind'), dataIndex: 'kindLabel', width: 170 },
            { title: t('admin.status'), dataIndex: 'active', width: 90, render: (active: boolean) => <ActiveTag active={active} /> },
            {
              title: t('admin.actions'),
              width: 150,
              render: (_, d) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(d)}>{t('admin.edit')}</Button>
                  <Button type="link" size="small" danger={d.active} onClick={() => setToggling(d)}>{d.active ? t('admin.deactivate') : t('admin.activate')}</Button>
                </Space>
              ),
            },
          ]}
        />
      ) : null}
      <FormModal<DepartmentFormValues>
        open={editing !== undefined}
        title={t(editing ? 'admin.departments.edit' : 'admin.departments.create')}
        form={form}
        initialValues={editing ? { code: editing.code, name: editing.name, kind: editing.kind, parentId: editing.parentId } : { kind: 'bureau' }}
        onSubmit={(values) => save(bodyOf(values))}
        onClose={() => setEditing(undefined)}
      >
        <Form.Item name="name" label={t('admin.departments.name')} rules={[{ required: true, message: t('admin.required') }, { pattern: NOT_BLANK, message: t('admin.required') }, tooLong(ADMIN_RULES.departmentName.max)]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('admin.departments.code')}
          extra={t('admin.departments.codeRule')}
          rules={[{ required: true, message: t('admin.required') }, { pattern: ADMIN_RULES.departmentCode.pattern, message: t('admin.departments.codeRule') }, tooLong(ADMIN_RULES.departmentCode.max)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.departments.kind')} rules={[{ required: true, message: t('admin.required') }]}>
          <Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('admin.departments.parent')} extra={t('admin.departments.parentHint')}>
          <TreeSelect allowClear treeDefaultExpandAll showSearch treeNodeFilterProp="title" treeData={departmentTreeData(departments.data ?? [], unavailableParents)} />
        </Form.Item>
        <Form.Item name="reason" label={t('admin.reason')} extra={t('admin.reasonAudited')} rules={[tooLong(ADMIN_RULES.reason.max)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
      <ReasonModal
        open={toggling !== null}
        title={toggling ? `${toggling.active ? t('admin.deactivate') : t('admin.activate')}：${toggling.name}` : ''}
        onSubmit={toggle}
        onClose={() => setToggling(null)}
      />
    </section>
  );
}
