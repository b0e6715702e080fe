import { FORTUNE_500_LIST_LABELS, INFO_GRADE_LABELS, INVESTOR_ORIGIN_LABELS, PROJECT_KIND_LABELS, SOURCE_CHANNEL_LABELS, SPECIALIZED_SME_LEVEL_LABELS } from '@zs/domain';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { api, unwrap } from '../../api/client';
import { useUser } from '../../auth/SessionProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';
import { usePickLists } from '../projects/pick-lists';
import { creditCodeFormProblem, duplicateCandidatesOf, investmentProblem, leadBodyOf, newIdempotencyKey, type DuplicateCandidate, type LeadFormValues } from './lead-form';

const optionsOf = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 登记线索: the lead form; a suspected duplicate is shown with links and sent again only when the user confirms it. */
export default function NewLeadPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useUser();
  const lists = usePickLists();
  const [form] = Form.useForm<LeadFormValues>();
  // One key per filled-in form: a repeated click or a retry after a lost answer registers it once.
  const idempotencyKey = useRef(newIdempotencyKey());
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const specializedSme = Form.useWatch('specializedSme', form);
  const warningRef = useRef<HTMLDivElement>(null);

  // The warning sits above the form: bring it into view (the submit button is far below).
  useEffect(() => {
    if (duplicates.length > 0) warningRef.current?.scrollIntoView({ block: 'start' });
  }, [duplicates]);

  const submit = async (confirmDuplicateOf?: string) => {
    const values = form.getFieldsValue(true) as LeadFormValues;
    setSubmitting(true);
    setError(null);
    try {
      const project = await unwrap(
        api.POST('/leads', { body: leadBodyOf(values, confirmDuplicateOf), params: { header: { 'Idempotency-Key': idempotencyKey.current } } }),
      );
      void message.success(t('lead.registered'));
      navigate(`/projects/${project.id}`);
    } catch (err) {
      const candidates = err instanceof ApiError ? duplicateCandidatesOf(err) : [];
      if (candidates.length > 0) {
        setDuplicates(candidates);
      } else {
        setDuplicates([]);
        if (!applyFieldErrors(form, err)) setError(err);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.newLead')}
      </Typography.Title>
      {duplicates.length > 0 ? (
        <div ref={warningRef}>
          <Alert
            type="warning"
            showIcon
            role="alert"
            data-testid="duplicate-warning"
            title={t('lead.duplicate.title')}
            description={
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text>{t('lead.duplicate.explain')}</Typography.Text>
                <ul className="duplicate-list">
                  {duplicates.map((c) => (
                    <li key={c.projectId}>
                      <Space wrap>
                        <Link to={`/projects/${c.projectId}`} target="_blank">
                          {c.companyName ?? t('lead.duplicate.project')}
                        </Link>
                        <Typography.Text type="secondary">{c.reason}</Typography.Text>
                      </Space>
                    </li>
                  ))}
                </ul>
                <Space wrap>
                  <Button type="primary" danger loading={submitting} onClick={() => void submit(duplicates[0].projectId)}>
                    {t('lead.duplicate.confirm')}
                  </Button>
                  <Button onClick={() => setDuplicates([])}>{t('lead.duplicate.cancel')}</Button>
                </Space>
              </Space>
            }
          />
        </div>
      ) : null}
      <ErrorAlert error={error} />
      <Card>
        <Form<LeadFormValues>
          form={form}
          layout="vertical"
          scrollToFirstError
          initialValues={{ fortune500Lists: [], listedCompany: false, specializedSme: false, kind: 'new' }}
          onFinish={() => void submit()}
          // Editing the form after a warning: the warning was about the old values.
          onValuesChange={() => duplicates.length > 0 && setDuplicates([])}
        >
          <Typography.Title level={5}>{t('lead.section.company')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="companyName" label={t('lead.companyName')} rules={[{ required: true, whitespace: true, message: t('lead.rule.companyName') }, { max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="creditCode"
                label={t('lead.creditCode')}
                extra={t('lead.creditCodeHint')}
                rules={[{ validator: async (_, value?: string) => { const problem = creditCodeFormProblem(value); if (problem) throw new Error(problem); } }]}
              >
                <Input maxLength={40} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label={t('lead.contactName')} rules={[{ required: true, whitespace: true, message: t('lead.rule.contactName') }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactPhone" label={t('lead.contactPhone')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('lead.section.project')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="industryChain" label={t('lead.industryChain')} rules={[{ required: true, message: t('lead.rule.industryChain') }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={lists.chains} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                name="estimatedInvestmentYi"
                label={t('lead.investment')}
                rules={[{ validator: async (_, value?: number | null) => { const problem = investmentProblem(value); if (problem) throw new Error(problem); } }]}
              >
                <InputNumber min={0} step={0.1} style={{ width: '100%' }} suffix={t('lead.yi')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="kind" label={t('lead.kind')} rules={[{ required: true, message: t('lead.rule.kind') }]}>
                <Radio.Group options={optionsOf(PROJECT_KIND_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="sourceChannel" label={t('lead.sourceChannel')} rules={[{ required: true, message: t('lead.rule.sourceChannel') }]}>
                <Select options={optionsOf(SOURCE_CHANNEL_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="infoGrade" label={t('lead.infoGrade')} rules={[{ required: true, message: t('lead.rule.infoGrade') }]}>
                <Select options={optionsOf(INFO_GRADE_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="origin" label={t('lead.origin')}>
                <Select allowClear options={optionsOf(INVESTOR_ORIGIN_LABELS)} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('lead.section.profile')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="fortune500Lists" label={t('lead.fortune500Lists')} extra={t('lead.fortune500Hint')}>
                <Checkbox.Group options={optionsOf(FORTUNE_500_LIST_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="listedCompany" label={t('lead.listedCompany')}>
                <Radio.Group options={[{ value: true, label: t('projects.yes') }, { value: false, label: t('projects.no') }]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="specializedSme" label={t('lead.specializedSme')}>
                <Radio.Group options={[{ value: true, label: t('projects.yes') }, { value: false, label: t('projects.no') }]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="specializedSmeLevel" label={t('lead.specializedSmeLevel')}>
                <Select allowClear disabled={!specializedSme} options={optionsOf(SPECIALIZED_SME_LEVEL_LABELS)} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('lead.section.ownership')}</Typography.Title>
          <Row gutter={16}>
            {user.role !== 'investment_officer' ? (
              <Col xs={24} md={12}>
                <Form.Item name="ownerUserId" label={t('lead.owner')} extra={t('lead.ownerHint')}>
                  <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={lists.people} />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} md={12}>
              <Form.Item name="campaignId" label={t('lead.campaign')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={lists.campaigns} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="notes" label={t('lead.notes')}>
                <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {t('lead.submit')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
