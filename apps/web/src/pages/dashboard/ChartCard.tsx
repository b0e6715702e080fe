import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Spin, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

interface ChartCardProps {
  title: string;
  /** The rule behind the figures (a KPI's Chinese formula), shown on hover or focus of the ? icon. */
  formula?: string;
  extra?: ReactNode;
  loading: boolean;
  error: unknown;
  onRetry?: () => void;
  empty?: boolean;
  emptyText?: string;
  children: ReactNode;
  testId?: string;
}

/** One chart of the dashboard: its Chinese title, its rule, and the chart, a spinner, an error or "no data". */
export function ChartCard({ title, formula, extra, loading, error, onRetry, empty, emptyText, children, testId }: ChartCardProps) {
  const { t } = useI18n();
  const heading = (
    <span>
      {title}
      {formula && (
        <Tooltip title={formula}>
          <QuestionCircleOutlined tabIndex={0} aria-label={formula} style={{ marginLeft: 6, color: '#8c8c8c' }} />
        </Tooltip>
      )}
    </span>
  );
  return (
    <Card title={heading} extra={extra} size="small" data-testid={testId} styles={{ body: { minHeight: 120 } }}>
      {error ? <ErrorAlert error={error} onRetry={onRetry} /> : null}
      {!error && (
        <Spin spinning={loading}>
          {empty && !loading ? <Empty description={emptyText ?? t('dashboard.empty')} /> : children}
        </Spin>
      )}
    </Card>
  );
}
