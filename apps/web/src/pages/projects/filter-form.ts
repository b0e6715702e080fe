import dayjs, { type Dayjs } from 'dayjs';
import type { Stage } from '@zs/domain';
import { FILTER_KEYS, withFilters, type FilterKey, type ProjectQuery, type ProjectSort } from './project-query';

type DateRange = [Dayjs | null, Dayjs | null] | null;

/** The filter form's fields: each filter as text, the two periods as date ranges, the stages as a list. */
export type FilterFormValues = Partial<Record<Exclude<FilterKey, 'registeredFrom' | 'registeredTo' | 'signedFrom' | 'signedTo'>, string>> & {
  stages?: Stage[];
  registered?: DateRange;
  signed?: DateRange;
  sort?: ProjectSort;
};

const DAY = 'YYYY-MM-DD';
const PERIODS = [
  ['registered', 'registeredFrom', 'registeredTo'],
  ['signed', 'signedFrom', 'signedTo'],
] as const;

const day = (value: string | undefined): Dayjs | null => (value ? dayjs(value, DAY) : null);

/** What the form shows for a query (every field named, so fields the query drops are cleared). */
export function formValuesOf(query: ProjectQuery): FilterFormValues {
  const values: FilterFormValues = { stages: query.stages, sort: query.sort };
  for (const key of FILTER_KEYS) {
    if (PERIODS.some(([, from, to]) => key === from || key === to)) continue;
    (values as Record<string, string | undefined>)[key] = query.filters[key];
  }
  for (const [field, from, to] of PERIODS) {
    const range: DateRange = query.filters[from] || query.filters[to] ? [day(query.filters[from]), day(query.filters[to])] : null;
    values[field] = range;
  }
  return values;
}

/** The query the submitted form asks for (page 1; the page size stays). */
export function queryOfForm(current: ProjectQuery, values: FilterFormValues): ProjectQuery {
  const { stages, sort, registered, signed, ...rest } = values;
  const filters: ProjectQuery['filters'] = { ...rest };
  for (const [field, from, to] of PERIODS) {
    const range = field === 'registered' ? registered : signed;
    filters[from] = range?.[0]?.format(DAY);
    filters[to] = range?.[1]?.format(DAY);
  }
  return withFilters({ ...current, sort: sort ?? current.sort }, filters, stages ?? []);
}
