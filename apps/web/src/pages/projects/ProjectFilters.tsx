import { DownOutlined, UpOutlined } from '@ant-design/icons';
import {
  FORTUNE_500_LIST_LABELS,
  INFO_GRADE_LABELS,
  INVESTOR_ORIGIN_LABELS,
  PROJECT_KIND_LABELS,
  SOURCE_CHANNEL_LABELS,
  SPECIALIZED_SME_LEVEL_LABELS,
  STAGE_LABELS,
} from '@zs/domain';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { formValuesOf, queryOfForm, type FilterFormValues } from './filter-form';
import type { PickLists, PickOption } from './pick-lists';
import { EMPTY_QUERY, INVESTMENT_BANDS, PROJECT_SORTS, activeFilterCount, type FilterKey, type ProjectQuery } from './project-query';

const optionsOf = (labels: Readonly<Record<string, string>>): PickOption[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Filters shown before "更多筛选" is opened; the others open it when set. */
const FIRST_ROW: readonly FilterKey[] = ['q', 'industryChain', 'overdue'];

interface Props {
  query: ProjectQuery;
  lists: PickLists;
  onChange(next: ProjectQuery): void;
}

/** Every filter of GET /projects as a form; submitting it changes the address (ProjectsPage reads the list from there). */
export function ProjectFilters({ query, lists, onChange }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<FilterFormValues>();
  const advancedSet = activeFilterCount(query) > 0 && (query.stages.length > 0 || Object.keys(query.filters).some((k) => !FIRST_ROW.includes(k as FilterKey)));
  const [expanded, setExpanded] = useState(advancedSet);
  const band = Form.useWatch('band', form);

  // The address is the truth: going back, opening a saved view or a link shows its filters.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(formValuesOf(query));
    if (advancedSet) setExpanded(true);
  }, [form, query, advancedSet]);

  const yesNo: PickOption[] = [
    { value: 'true', label: t('projects.yes') },
    { value: 'false', label: t('projects.no') },
  ];
  const select = (name: keyof FilterFormValues, label: MessageKey, options: PickOption[], extra: { disabled?: boolean } = {}) => (
    <Col xs={24} sm={12} lg={8} xl={6} key={name}>
      <Form.Item name={name} label={t(label)}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} placeholder={t('projects.any')} {...extra} />
      </Form.Item>
    </Col>
  );
  const sortOptions = PROJECT_SORTS.map((s) => ({
    value: s,
    label: `${t(`projects.sortKey.${s.replace(/^-/, '')}` as MessageKey)}（${t(s.startsWith('-') ? 'projects.sortDesc' : 'projects.sortAsc')}）`,
  }));

  return (
    <Form<FilterFormValues>
      form={form}
      layout="vertical"
      className="project-filters"
      aria-label={t('projects.filters')}
      onFinish={(values) => onChange(queryOfForm(query, values))}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item name="q" label={t('projects.f.q')}>
            <Input allowClear placeholder={t('projects.f.qPlaceholder')} maxLength={100} />
          </Form.Item>
        </Col>
        {select('industryChain', 'projects.f.chain', lists.chains)}
        {select('overdue', 'projects.f.overdue', yesNo)}
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item name="sort" label={t('projects.f.sort')}>
            <Select options={sortOptions} />
          </Form.Item>
        </Col>
      </Row>
      {/* Hidden, not unmounted: the form still holds (and submits) the filters it does not show. */}
      <Row gutter={12} style={expanded ? undefined : { display: 'none' }}>
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item name="stages" label={t('projects.f.stage')}>
            <Select mode="multiple" allowClear options={optionsOf(STAGE_LABELS)} placeholder={t('projects.any')} />
          </Form.Item>
        </Col>
        {select('infoGrade', 'projects.f.grade', optionsOf(INFO_GRADE_LABELS))}
        {select('kind', 'projects.f.kind', optionsOf(PROJECT_KIND_LABELS))}
        {select('sourceChannel', 'projects.f.channel', optionsOf(SOURCE_CHANNEL_LABELS))}
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item name="registered" label={t('projects.f.registered')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item name="signed" label={t('projects.f.signed')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {select(
          'band',
          'projects.f.band',
          INVESTMENT_BANDS.map((b) => ({ value: b, label: t(`projects.band.${b}`) })),
        )}
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item label={t('projects.f.investmentRange')} tooltip={t('projects.f.investmentHint')}>
            <Space.Compact block>
              <Form.Item name="minYi" noStyle rules={[{ pattern: /^\d{1,5}(\.\d{1,4})?$/, message: t('projects.f.amountRule') }]}>
                <Input placeholder={t('projects.f.min')} disabled={!!band} aria-label={t('projects.f.min')} />
              </Form.Item>
              <Form.Item name="maxYi" noStyle rules={[{ pattern: /^\d{1,5}(\.\d{1,4})?$/, message: t('projects.f.amountRule') }]}>
                <Input placeholder={t('projects.f.max')} disabled={!!band} aria-label={t('projects.f.max')} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        {select('fortune500', 'projects.f.fortune500', yesNo)}
        {select('fortune500List', 'projects.f.fortune500List', optionsOf(FORTUNE_500_LIST_LABELS))}
        {select('listedCompany', 'projects.f.listed', yesNo)}
        {select('specializedSme', 'projects.f.sme', yesNo)}
        {select('specializedSmeLevel', 'projects.f.smeLevel', optionsOf(SPECIALIZED_SME_LEVEL_LABELS))}
        {select('origin', 'projects.f.origin', optionsOf(INVESTOR_ORIGIN_LABELS))}
        {select('imported', 'projects.f.imported', yesNo)}
        {select('reporterUserId', 'projects.f.reporter', lists.people)}
        {select('reporterDepartmentId', 'projects.f.reporterDepartment', lists.departments)}
        {select('ownerUserId', 'projects.f.owner', lists.people)}
        {select('teamId', 'projects.f.team', lists.teams)}
        {select('departmentId', 'projects.f.department', lists.departments)}
        {select('campaignId', 'projects.f.campaign', lists.campaigns)}
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button onClick={() => onChange({ ...EMPTY_QUERY, pageSize: query.pageSize })}>{t('common.reset')}</Button>
        <Button type="link" onClick={() => setExpanded(!expanded)} icon={expanded ? <UpOutlined /> : <DownOutlined />} aria-expanded={expanded}>
          {expanded ? t('projects.fewerFilters') : t('projects.moreFilters')}
        </Button>
      </Space>
    </Form>
  );
}
