import { useI18n } from '../../../i18n/I18nProvider';
import type { MonthView } from '../calendar-month';
import type { CalendarDay } from './CalendarSection';

/**
 * The month as a table of weeks, Monday first: each day a button (keyboard reachable) saying
 * working or rest, its name and who decided it. A rest day is tinted, an override outlined, a
 * day guessed from the weekday (year not published) hatched.
 */
export function MonthGrid({ view, byDate, onPick }: { view: MonthView; byDate: ReadonlyMap<string, CalendarDay>; onPick(day: CalendarDay): void }) {
  const { t } = useI18n();
  const weekdays = t('admin.calendar.weekdays').split(',');
  return (
    <table className="admin-calendar" aria-label={view.month}>
      <thead>
        <tr>{weekdays.map((w) => <th key={w} scope="col">{w}</th>)}</tr>
      </thead>
      <tbody>
        {view.weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((date) => {
              const day = byDate.get(date);
              const classes = ['admin-calendar-day', day && !day.working ? 'is-rest' : '', day?.source === 'override' ? 'is-override' : '', day?.source === 'weekday' ? 'is-weekday-guess' : '', date.slice(0, 7) !== view.month ? 'is-other-month' : ''];
              const state = day ? `${day.working ? t('admin.calendar.working') : t('admin.calendar.rest')}，${day.name}，${t(`admin.calendar.source.${day.source}`)}` : '';
              return (
                <td key={date}>
                  <button type="button" className={classes.filter(Boolean).join(' ')} disabled={!day} onClick={() => day && onPick(day)} aria-label={`${date} ${state}`} data-date={date} title={state}>
                    <span className="day-number">{Number(date.slice(8))}</span>
                    {day ? <span className="day-name">{dayText(day, day.working ? t('admin.calendar.working') : t('admin.calendar.rest'))}</span> : null}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "休息日 · 元旦"; an ordinary working day is just "工作日" (its name says nothing more). */
function dayText(day: CalendarDay, kind: string): string {
  return day.name === kind ? kind : `${kind} · ${day.name}`;
}
