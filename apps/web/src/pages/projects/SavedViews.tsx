import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Input, Popover, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '../../auth/SessionProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { projectQuerySearch, type ProjectQuery } from './project-query';
import { deleteView, loadViews, MAX_VIEW_NAME, saveView, type SavedView } from './saved-views';

/** 保存的视图: this user's named filter sets, in this browser (the popover says so). */
export function SavedViews({ query, onOpen }: { query: ProjectQuery; onOpen(search: string): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const [views, setViews] = useState<SavedView[]>(() => loadViews(localStorage, user.id));
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  // A view keeps the filters and sort, not the page it was on.
  const current = projectQuerySearch({ ...query, page: 1 });

  const save = () => {
    if (!name.trim()) return;
    setViews(saveView(localStorage, user.id, name, current));
    void message.success(t('projects.views.saved', { name: name.trim() }));
    setName('');
    setOpen(false);
  };

  return (
    <Space wrap>
      <Select<string>
        style={{ minWidth: 200 }}
        placeholder={t('projects.views.open')}
        aria-label={t('projects.views.open')}
        value={views.find((v) => v.search === current)?.name}
        options={views.map((v) => ({ value: v.name, label: v.name }))}
        onChange={(chosen) => {
          const view = views.find((v) => v.name === chosen);
          if (view) onOpen(view.search);
        }}
        optionRender={(option) => (
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{option.label}</span>
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('projects.views.delete', { name: String(option.value) })}
              onClick={(event) => {
                event.stopPropagation();
                setViews(deleteView(localStorage, user.id, String(option.value)));
              }}
            />
          </Space>
        )}
        notFoundContent={t('projects.views.none')}
      />
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        title={t('projects.views.saveTitle')}
        content={
          <Space orientation="vertical" style={{ maxWidth: 280 }}>
            <Input
              autoFocus
              value={name}
              maxLength={MAX_VIEW_NAME}
              placeholder={t('projects.views.name')}
              aria-label={t('projects.views.name')}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={save}
            />
            <Typography.Text type="secondary">{t('projects.views.localNote')}</Typography.Text>
            <Button type="primary" block onClick={save} disabled={!name.trim()}>
              {t('projects.views.save')}
            </Button>
          </Space>
        }
      >
        <Button icon={<SaveOutlined />}>{t('projects.views.saveButton')}</Button>
      </Popover>
    </Space>
  );
}
