import { Button, Form, Input, Select, Space, Table, TreeSelect } from 'antd';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';
import { ADMIN_RULES, NOT_BLANK } from '../admin-form-rules';
import { ActiveTag } from '../shared/ActiveTag';
import { FormModal } from '../shared/FormModal';
import { ReasonModal } from '../shared/ReasonModal';
import { useRegistryEditing } from '../shared/use-registry-editing';
import { loadAllUsers, nameOf, type Team } from '../staff-directory';
import { useRemote } from '../../../components/use-remote';
import { departmentTreeData } from './department-options';
import { userOptions } from './user-options';

type TeamBody = components['schemas']['CreateTeamDto'];

interface TeamFormValues {
  name: string;
  departmentId?: string | null;
  memberUserIds?: string[];
  leaderUserId?: string | null;
  reason?: string;
}

/** 小分队: a team's department, leader (队长, one of its members) and members. */
export function TeamsSection() {
  const { t } = useI18n();
  const teams = useRemote(() => unwrap(api.GET('/admin/teams', { params: { query: {} } })), 'teams');
  const users = useRemote(loadAllUsers, 'users');
  const departments = useRemote(() => unwrap(api.GET('/admin/departments', { params: { query: {} } })), 'departments');
  const { editing, setEditing, toggling, setToggling, save, toggle } = useRegistryEditing<Team, TeamBody>({
    create: (body) => unwrap(api.POST('/admin/teams', { body })),
    update: (id, body) => unwrap(api.PATCH('/admin/teams/{id}', { params: { path: { id } }, body })),
    setActive: (id, active, reason) => {
      const call = { params: { path: { id } }, body: { reason } };
      return unwrap(active ? api.POST('/admin/teams/{id}/activate', call) : api.POST('/admin/teams/{id}/deactivate', call));
    },
    reload: teams.reload,
  });
  const [form] = Form.useForm<TeamFormValues>();
  const members = Form.useWatch('memberUserIds', form) ?? [];
  const unknown = t('admin.unknownAccount');
  const departmentName = (id: string | null) => departments.data?.find((d) => d.id === id)?.name ?? '—';

  const bodyOf = (values: TeamFormValues): TeamBody => ({
    name: values.name.trim(),
    departmentId: values.departmentId ?? null,
    memberUserIds: values.memberUserIds ?? [],
    leaderUserId: values.leaderUserId ?? null,
    reason: values.reason?.trim() || undefined,
  });

  return (
    <section aria-label={t('admin.tab.teams')}>
      <div className="admin-toolbar">
        <Button type="primary" className="admin-toolbar-end" onClick={() => setEditing(null)}>{t('admin.teams.create')}</Button>
      </div>
      <ErrorAlert error={teams.error ?? users.error} onRetry={() => (teams.reload(), users.reload())} />
      <Table<Team>
        rowKey="id"
        size="middle"
        loading={teams.loading || users.loading}
        dataSource={teams.data}
        pagination={false}
        scroll={{ x: 820 }}
        columns={[
          { title: t('admin.teams.name'), dataIndex: 'name', width: 180 },
          { title: t('admin.teams.department'), dataIndex: 'departmentId', width: 140, render: departmentName },
          { title: t('admin.teams.leader'), dataIndex: 'leaderUserId', width: 150, render: (id: string | null) => nameOf(users.data, id, unknown) },
          { title: t('admin.teams.members'), dataIndex: 'memberUserIds', render: (ids: string[]) => ids.map((id) => nameOf(users.data, id, unknown)).join('、') || '—' },
          { title: t('admin.status'), dataIndex: 'active', width: 90, render: (active: boolean) => <ActiveTag active={active} /> },
          {
            title: t('admin.actions'),
            width: 150,
            render: (_, tm) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(tm)}>{t('admin.edit')}</Button>
                <Button type="link" size="small" danger={tm.active} onClick={() => setToggling(tm)}>{tm.active ? t('admin.deactivate') : t('admin.activate')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<TeamFormValues>
        open={editing !== undefined}
        title={t(editing ? 'admin.teams.edit' : 'admin.teams.create')}
        form={form}
        initialValues={editing ? { name: editing.name, departmentId: editing.departmentId, memberUserIds: editing.memberUserIds, leaderUserId: editing.leaderUserId } : { memberUserIds: [] }}
        onSubmit={(values) => save(bodyOf(values))}
        onClose={() => setEditing(undefined)}
      >
        <Form.Item name="name" label={t('admin.teams.name')} rules={[{ required: true, message: t('admin.required') }, { pattern: NOT_BLANK, message: t('admin.required') }, { max: ADMIN_RULES.teamName.max, message: t('admin.tooLong', { max: ADMIN_RULES.teamName.max }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="departmentId" label={t('admin.teams.department')}>
          <TreeSelect allowClear treeDefaultExpandAll showSearch treeNodeFilterProp="title" treeData={departmentTreeData((departments.data ?? []).filter((d) => d.active || d.id === editing?.departmentId))} />
        </Form.Item>
        <Form.Item name="memberUserIds" label={t('admin.teams.members')} rules={[{ type: 'array', max: ADMIN_RULES.teamMembers.max, message: t('admin.tooMany', { max: ADMIN_RULES.teamMembers.max }) }]}>
          <Select mode="multiple" allowClear optionFilterProp="label" options={userOptions(users.data, editing?.memberUserIds)} />
        </Form.Item>
        <Form.Item
          name="leaderUserId"
          label={t('admin.teams.leader')}
          extra={t('admin.teams.leaderRule')}
          dependencies={['memberUserIds']}
          rules={[{ validator: async (_, leader?: string | null) => { if (leader && !(form.getFieldValue('memberUserIds') ?? []).includes(leader)) throw new Error(t('admin.teams.leaderRule')); } }]}
        >
          <Select allowClear optionFilterProp="label" options={userOptions(users.data, members).filter((o) => members.includes(o.value))} />
        </Form.Item>
        <Form.Item name="reason" label={t('admin.reason')} extra={t('admin.reasonAudited')} rules={[{ max: ADMIN_RULES.reason.max, message: t('admin.tooLong', { max: ADMIN_RULES.reason.max }) }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
      <ReasonModal open={toggling !== null} title={toggling ? `${toggling.active ? t('admin.deactivate') : t('admin.activate')}：${toggling.name}` : ''} onSubmit={toggle} onClose={() => setToggling(null)} />
    </section>
  );
}
