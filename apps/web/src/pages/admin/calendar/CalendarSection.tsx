import { App, Button, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/I18nProvider';
import { ADMIN_RULES, NOT_BLANK } from '../admin-form-rules';
import { monthView, shiftMonth } from '../calendar-month';
import { FormModal } from '../shared/FormModal';
import { ReasonModal } from '../shared/ReasonModal';
import { loadAllUsers, nameOf } from '../staff-directory';
import { useRemote } from '../../../components/use-remote';
import { CalendarCoverageWarning } from './CalendarCoverageWarning';
import { MonthGrid } from './MonthGrid';

type Override = components['schemas']['CalendarOverrideDto'];
export type CalendarDay = components['schemas']['CalendarDayDto'];

interface OverrideFormValues {
  working: boolean;
  name: string;
  reason: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/**
 * 工作日历: a month of working and rest days as the engine counts them (who decided each), the
 * administrators' overrides with their reasons; a click on a day declares it otherwise.
 */
export function CalendarSection({ round, onChanged }: { round: number; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : thisMonth();
  const view = useMemo(() => monthView(month), [month]);
  const days = useRemote(() => unwrap(api.GET('/sla/calendar', { params: { query: { from: view.from, to: view.to } } })), `${view.from}|${round}`);
  const overrides = useRemote(() => unwrap(api.GET('/sla/calendar/overrides')), String(round));
  const users = useRemote(loadAllUsers, 'users');
  const [editing, setEditing] = useState<CalendarDay | null>(null);
  const [withdrawing, setWithdrawing] = useState<Override | null>(null);
  const [form] = Form.useForm<OverrideFormValues>();
  const byDate = useMemo(() => new Map((days.data?.days ?? []).map((d) => [d.date, d])), [days.data]);
  const [year, monthNumber] = month.split('-').map(Number);
  const goTo = (next: string) => setParams((p) => (p.set('month', next), p), { replace: true });

  const save = async (values: OverrideFormValues) => {
    await unwrap(api.PUT('/sla/calendar/overrides/{date}', { params: { path: { date: editing!.date } }, body: { working: values.working, name: values.name.trim(), reason: values.reason.trim() } }));
    setEditing(null);
    message.success(t('admin.saved'));
    onChanged();
  };

  const withdraw = async (reason: string | undefined) => {
    await unwrap(api.DELETE('/sla/calendar/overrides/{date}', { params: { path: { date: withdrawing!.date }, query: { reason: reason ?? '' } } }));
    setWithdrawing(null);
    message.success(t('admin.calendar.withdrawn'));
    onChanged();
  };

  return (
    <section aria-label={t('admin.tab.calendar')}>
      <CalendarCoverageWarning round={round} />
      <div className="admin-toolbar" style={{ marginTop: 12 }}>
        <Button onClick={() => goTo(shiftMonth(month, -1))}>{t('admin.calendar.prev')}</Button>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="calendar-month">
          {locale === 'en' ? month : `${year}年${monthNumber}月`}
        </Typography.Title>
        <Button onClick={() => goTo(shiftMonth(month, 1))}>{t('admin.calendar.next')}</Button>
        <Button onClick={() => goTo(thisMonth())}>{t('admin.calendar.thisMonth')}</Button>
        <span className="admin-toolbar-end">{t('admin.calendar.clickHint')}</span>
      </div>
      <div className="admin-calendar-legend">
        <span><i className="swatch" style={{ background: '#fff' }} />{t('admin.calendar.legendWorking')}</span>
        <span><i className="swatch" style={{ background: '#f6ffed' }} />{t('admin.calendar.legendRest')}</span>
        <span><i className="swatch" style={{ boxShadow: 'inset 0 0 0 2px #fa8c16' }} />{t('admin.calendar.source.override')}</span>
        <span><i className="swatch" style={{ backgroundImage: 'repeating-linear-gradient(135deg, transparent 0 3px, rgba(250,140,22,.3) 3px 6px)' }} />{t('admin.calendar.source.weekday')}</span>
      </div>
      <ErrorAlert error={days.error} onRetry={days.reload} />
      <MonthGrid view={view} byDate={byDate} onPick={(day) => setEditing(day)} />

      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('admin.calendar.overrides')}</Typography.Title>
      <ErrorAlert error={overrides.error} onRetry={overrides.reload} />
      <Table<Override>
        rowKey="date"
        size="small"
        loading={overrides.loading}
        dataSource={overrides.data?.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 860 }}
        columns={[
          { title: t('admin.calendar.date'), dataIndex: 'date', width: 110 },
          { title: t('admin.calendar.kind'), dataIndex: 'working', width: 90, render: (w: boolean) => (w ? <Tag color="blue">{t('admin.calendar.working')}</Tag> : <Tag color="green">{t('admin.calendar.rest')}</Tag>) },
          { title: t('admin.calendar.name'), dataIndex: 'name', width: 140 },
          { title: t('admin.reason'), dataIndex: 'reason' },
          { title: t('admin.calendar.by'), dataIndex: 'updatedBy', width: 150, render: (id: string) => nameOf(users.data, id, t('admin.unknownAccount')) },
          { title: t('admin.calendar.at'), dataIndex: 'updatedAt', width: 160, render: (at: string) => new Date(at).toLocaleString(locale) },
          { title: t('admin.actions'), width: 90, render: (_, o) => <Button type="link" size="small" danger onClick={() => setWithdrawing(o)}>{t('admin.calendar.withdraw')}</Button> },
        ]}
      />

      <FormModal<OverrideFormValues>
        open={editing !== null}
        title={editing ? t('admin.calendar.setTitle', { date: editing.date }) : ''}
        form={form}
        initialValues={editing ? { working: !editing.working, name: editing.source === 'override' ? editing.name : '' } : undefined}
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        {editing ? <p>{t('admin.calendar.now', { name: editing.name, source: t(`admin.calendar.source.${editing.source}`) })}</p> : null}
        <Form.Item name="working" label={t('admin.calendar.kind')} rules={[{ required: true, message: t('admin.required') }]}>
          <Radio.Group>
            <Radio value={true}>{t('admin.calendar.working')}</Radio>
            <Radio value={false}>{t('admin.calendar.rest')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="name" label={t('admin.calendar.name')} extra={t('admin.calendar.nameHint')} rules={[{ required: true, message: t('admin.required') }, { pattern: NOT_BLANK, message: t('admin.required') }, { max: ADMIN_RULES.overrideName.max, message: t('admin.tooLong', { max: ADMIN_RULES.overrideName.max }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="reason" label={t('admin.reason')} extra={t('admin.reasonAudited')} rules={[{ required: true, message: t('admin.reasonRequired') }, { pattern: NOT_BLANK, message: t('admin.reasonRequired') }, { max: ADMIN_RULES.reason.max, message: t('admin.tooLong', { max: ADMIN_RULES.reason.max }) }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space>{t('admin.calendar.recalcHint')}</Space>
      </FormModal>
      <ReasonModal open={withdrawing !== null} required title={withdrawing ? t('admin.calendar.withdrawTitle', { date: withdrawing.date, name: withdrawing.name }) : ''} description={t('admin.calendar.withdrawText')} onSubmit={withdraw} onClose={() => setWithdrawing(null)} />
    </section>
  );
}
