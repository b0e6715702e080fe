import { ROLE_LABELS, ROLES } from '@zs/domain';
import { Form, Input, Select, TreeSelect } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider';
import { ADMIN_RULES, NOT_BLANK } from '../admin-form-rules';
import { FormModal } from '../shared/FormModal';
import type { AdminUser, Department, Team } from '../staff-directory';
import { departmentTreeData } from '../org/department-options';

export interface UserFormValues {
  username?: string;
  displayName: string;
  role: string;
  departmentId?: string | null;
  teamIds?: string[];
  email?: string | null;
  reason?: string;
}

interface Props {
  /** null: a new account; else the account edited. */
  editing: AdminUser | null;
  open: boolean;
  departments: Department[];
  teams: Team[];
  onSubmit(values: UserFormValues): Promise<void>;
  onClose(): void;
}

/** 新建账号 / 编辑账号: the rules of CreateUserDto / UpdateUserDto, role by its Chinese label. */
export function UserFormModal({ editing, open, departments, teams, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const tooLong = (max: number) => ({ max, message: t('admin.tooLong', { max }) });
  const initial: Partial<UserFormValues> = editing
    ? { displayName: editing.displayName, role: editing.role, departmentId: editing.departmentId, teamIds: editing.teamIds, email: editing.email }
    : { teamIds: [] };

  return (
    <FormModal open={open} title={t(editing ? 'admin.users.edit' : 'admin.users.create')} form={form} initialValues={initial} onSubmit={onSubmit} onClose={onClose}>
      {editing ? null : (
        <Form.Item
          name="username"
          label={t('admin.users.username')}
          extra={t('admin.users.usernameRule')}
          rules={[{ required: true, message: t('admin.required') }, { pattern: ADMIN_RULES.username.pattern, message: t('admin.users.usernameRule') }, tooLong(ADMIN_RULES.username.max)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="displayName" label={t('admin.users.displayName')} rules={[{ required: true, message: t('admin.required') }, { pattern: NOT_BLANK, message: t('admin.required') }, tooLong(ADMIN_RULES.displayName.max)]}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t('admin.users.role')} rules={[{ required: true, message: t('admin.required') }]} extra={editing ? t('admin.users.roleRevokes') : undefined}>
        <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      </Form.Item>
      <Form.Item name="departmentId" label={t('admin.users.department')}>
        <TreeSelect allowClear treeDefaultExpandAll treeData={departmentTreeData(departments.filter((d) => d.active || d.id === editing?.departmentId))} showSearch treeNodeFilterProp="title" />
      </Form.Item>
      <Form.Item name="teamIds" label={t('admin.users.teams')} rules={[{ type: 'array', max: ADMIN_RULES.userTeams.max, message: t('admin.tooMany', { max: ADMIN_RULES.userTeams.max }) }]}>
        <Select mode="multiple" allowClear optionFilterProp="label" options={teams.filter((tm) => tm.active || editing?.teamIds.includes(tm.id)).map((tm) => ({ value: tm.id, label: tm.name }))} />
      </Form.Item>
      <Form.Item name="email" label={t('admin.users.email')} rules={[{ type: 'email', message: t('admin.users.emailInvalid') }, tooLong(ADMIN_RULES.email.max)]}>
        <Input type="email" />
      </Form.Item>
      <Form.Item name="reason" label={t('admin.reason')} extra={t('admin.reasonAudited')} rules={[tooLong(ADMIN_RULES.reason.max)]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
