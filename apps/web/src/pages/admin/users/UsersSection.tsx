import { ROLE_LABELS, ROLES } from '@zs/domain';
import { App, Button, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';
import { ActiveTag } from '../shared/ActiveTag';
import { ReasonModal } from '../shared/ReasonModal';
import { SecretOnceModal } from '../shared/SecretOnceModal';
import { personLabel, type AdminUser } from '../staff-directory';
import { teamMembershipChanges } from '../team-membership';
import { useRemote } from '../../../components/use-remote';
import { UserFormModal, type UserFormValues } from './UserFormModal';

type Action = { kind: 'deactivate' | 'activate' | 'reset' | 'revoke'; user: AdminUser };
const PAGE_SIZE = 20;

/** 用户: accounts with their role, department and teams; temporary passwords shown once. */
export function UsersSection() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useState<{ q?: string; role?: string; active?: string; page: number }>({ page: 1 });
  const users = useRemote(
    () => unwrap(api.GET('/admin/users', { params: { query: { page: query.page, pageSize: PAGE_SIZE, q: query.q || undefined, role: query.role as never, active: query.active as never } } })),
    JSON.stringify(query),
  );
  const departments = useRemote(() => unwrap(api.GET('/admin/departments', { params: { query: {} } })), 'departments');
  const teams = useRemote(() => unwrap(api.GET('/admin/teams', { params: { query: {} } })), 'teams');
  const teamNames = useMemo(() => new Map((teams.data ?? []).map((tm) => [tm.id, tm.name])), [teams.data]);

  const [editing, setEditing] = useState<AdminUser | null | undefined>(undefined);
  const [action, setAction] = useState<Action | null>(null);
  const [secret, setSecret] = useState<{ intro: string; value: string } | null>(null);

  const save = async (values: UserFormValues) => {
    const reason = values.reason?.trim() || undefined;
    const email = values.email?.trim() || null;
    if (!editing) {
      const created = await unwrap(
        api.POST('/admin/users', {
          body: { username: values.username!.trim(), displayName: values.displayName.trim(), role: values.role as never, departmentId: values.departmentId ?? null, teamIds: values.teamIds ?? [], email, reason },
        }),
      );
      setEditing(undefined);
      setSecret({ intro: t('admin.users.createdIntro', { name: personLabel(created.user) }), value: created.temporaryPassword });
    } else {
      await unwrap(
        api.PATCH('/admin/users/{id}', {
          params: { path: { id: editing.id } },
          body: { displayName: values.displayName.trim(), email, departmentId: values.departmentId ?? null, reason, ...(values.role !== editing.role ? { role: values.role as never } : {}) },
        }),
      );
      // Membership is kept on the team: each team joined or left is updated there.
      for (const change of teamMembershipChanges(teams.data ?? [], editing.id, values.teamIds ?? [])) {
        const { teamId, ...body } = change;
        await unwrap(api.PATCH('/admin/teams/{id}', { params: { path: { id: teamId } }, body: { ...body, reason } }));
      }
      setEditing(undefined);
      message.success(t('admin.saved'));
      teams.reload();
    }
    users.reload();
  };

  const act = async (reason: string | undefined) => {
    if (!action) return;
    const path = { params: { path: { id: action.user.id } }, body: { reason } };
    if (action.kind === 'reset') {
      const answer = await unwrap(api.POST('/admin/users/{id}/reset-password', path));
      setSecret({ intro: t('admin.users.resetIntro', { name: personLabel(action.user) }), value: answer.temporaryPassword });
    } else if (action.kind === 'revoke') {
      await unwrap(api.POST('/admin/users/{id}/revoke-tokens', path));
      message.success(t('admin.users.revoked'));
    } else {
      await unwrap(action.kind === 'deactivate' ? api.POST('/admin/users/{id}/deactivate', path) : api.POST('/admin/users/{id}/activate', path));
      message.success(t('admin.saved'));
    }
    setAction(null);
    users.reload();
  };

  const actionTitle: Record<Action['kind'], string> = {
    deactivate: t('admin.users.deactivate'),
    activate: t('admin.users.activate'),
    reset: t('admin.users.resetPassword'),
    revoke: t('admin.users.revokeTokens'),
  };
  const actionText: Record<Action['kind'], string> = {
    deactivate: t('admin.users.deactivateText'),
    activate: t('admin.users.activateText'),
    reset: t('admin.users.resetText'),
    revoke: t('admin.users.revokeText'),
  };

  return (
    <section aria-label={t('admin.tab.users')}>
      <div className="admin-toolbar">
        <Input.Search allowClear placeholder={t('admin.users.search')} style={{ width: 220 }} onSearch={(q) => setQuery({ ...query, q, page: 1 })} aria-label={t('admin.users.search')} />
        <Select allowClear placeholder={t('admin.users.role')} style={{ width: 170 }} value={query.role} onChange={(role) => setQuery({ ...query, role, page: 1 })} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} aria-label={t('admin.users.role')} />
        <Select
          allowClear
          placeholder={t('admin.status')}
          style={{ width: 120 }}
          value={query.active}
          onChange={(active) => setQuery({ ...query, active, page: 1 })}
          options={[{ value: 'true', label: t('admin.active') }, { value: 'false', label: t('admin.inactive') }]}
          aria-label={t('admin.status')}
        />
        <Button type="primary" className="admin-toolbar-end" onClick={() => setEditing(null)}>
          {t('admin.users.create')}
        </Button>
      </div>
      <ErrorAlert error={users.error} onRetry={users.reload} />
      <Table<AdminUser>
        rowKey="id"
        size="middle"
        loading={users.loading}
        dataSource={users.data?.items}
        scroll={{ x: 960 }}
        pagination={{ current: query.page, pageSize: PAGE_SIZE, total: users.data?.total, showTotal: (total) => t('common.total', { total }), onChange: (page) => setQuery({ ...query, page }) }}
        columns={[
          { title: t('admin.users.displayName'), dataIndex: 'displayName', width: 120 },
          { title: t('admin.users.username'), dataIndex: 'username', width: 130 },
          { title: t('admin.users.role'), dataIndex: 'roleLabel', width: 130 },
          { title: t('admin.users.department'), dataIndex: 'departmentName', width: 140, render: (name: string | null) => name ?? '—' },
          { title: t('admin.users.teams'), dataIndex: 'teamIds', render: (ids: string[]) => ids.map((id) => teamNames.get(id)).filter(Boolean).join('、') || '—' },
          {
            title: t('admin.status'),
            width: 150,
            render: (_, u) => (
              <Space size={4} wrap>
                <ActiveTag active={u.active} />
                {u.mustChangePassword ? <Tag color="orange">{t('admin.users.mustChange')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('admin.actions'),
            width: 250,
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(u)}>{t('admin.edit')}</Button>
                <Button type="link" size="small" danger={u.active} onClick={() => setAction({ kind: u.active ? 'deactivate' : 'activate', user: u })}>
                  {u.active ? t('admin.users.deactivate') : t('admin.users.activate')}
                </Button>
                <Button type="link" size="small" onClick={() => setAction({ kind: 'reset', user: u })}>{t('admin.users.resetPassword')}</Button>
                <Button type="link" size="small" onClick={() => setAction({ kind: 'revoke', user: u })}>{t('admin.users.revokeTokens')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <UserFormModal open={editing !== undefined} editing={editing ?? null} departments={departments.data ?? []} teams={teams.data ?? []} onSubmit={save} onClose={() => setEditing(undefined)} />
      <ReasonModal
        open={action !== null}
        title={action ? `${actionTitle[action.kind]}：${personLabel(action.user)}` : ''}
        description={action ? actionText[action.kind] : undefined}
        okText={action ? actionTitle[action.kind] : undefined}
        onSubmit={act}
        onClose={() => setAction(null)}
      />
      <SecretOnceModal title={t('admin.users.temporaryPassword')} intro={secret?.intro ?? ''} secret={secret?.value ?? null} onClose={() => setSecret(null)} />
    </section>
  );
}
