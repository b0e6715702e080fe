import { Alert, Button } from 'antd';
import { api, unwrap } from '../../../api/client';
import { useI18n } from '../../../i18n/I18nProvider';
import { useRemote } from '../../../components/use-remote';

/**
 * The warning when the holiday dataset lacks this year or next year: those years count Monday to
 * Friday (2027-01-01 would be a working day) until administrators enter the State Council's
 * arrangement as overrides. Says nothing when both years are covered or the check fails (the
 * calendar tab shows errors).
 */
export function CalendarCoverageWarning({ round, onOpenCalendar }: { round: number; onOpenCalendar?: () => void }) {
  const { t } = useI18n();
  const coverage = useRemote(() => unwrap(api.GET('/sla/calendar/coverage')), String(round));
  const c = coverage.data;
  if (!c || c.missingYears.length === 0) return null;
  const years = c.missingYears.map((m) => m.year).join('、');
  const entered = c.missingYears.map((m) => t('admin.coverage.entered', { year: m.year, count: m.overrides })).join('；');
  const example = `${c.missingYears[0].year}-01-01`;
  return (
    <Alert
      className="admin-coverage-warning"
      data-testid="calendar-coverage-warning"
      type="warning"
      showIcon
      role="alert"
      title={t(c.currentYearMissing ? 'admin.coverage.titleCurrent' : 'admin.coverage.titleNext', { years })}
      description={
        <>
          <div>{t('admin.coverage.body', { coveredThrough: c.coveredThrough ?? '—', years, example })}</div>
          <div>{t('admin.coverage.todo', { entered })}</div>
        </>
      }
      action={onOpenCalendar ? <Button onClick={onOpenCalendar}>{t('admin.coverage.open')}</Button> : undefined}
    />
  );
}
