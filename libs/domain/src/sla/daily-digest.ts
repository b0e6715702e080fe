import { SHANGHAI_OFFSET_MS, shanghaiDate } from '../project/calendar-dates';
import { CLOCK_LABELS, type ClockName } from './sla-policy';

/** An open, running clock as the digest sees it. */
export interface DigestClock {
  department: string;
  subject: string;
  clock: ClockName;
  deadlineAt: number;
}

export interface DepartmentDigest {
  department: string;
  date: string;
  overdue: DigestClock[];
  dueToday: DigestClock[];
  title: string;
  body: string;
}

const hhmm = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
const line = (c: DigestClock) => `· ${c.subject} ${CLOCK_LABELS[c.clock]}（时限 ${shanghaiDate(c.deadlineAt)} ${hhmm(c.deadlineAt)}）`;

/**
 * 每日督办: for each department, what is overdue and what falls due later today
 * (Asia/Shanghai), oldest deadline first. Departments with nothing get no digest.
 */
export function buildDailyDigests(clocks: DigestClock[], asOf: number): DepartmentDigest[] {
  const date = shanghaiDate(asOf);
  const byDepartment = new Map<string, DepartmentDigest>();
  for (const c of [...clocks].sort((a, b) => a.deadlineAt - b.deadlineAt || a.subject.localeCompare(b.subject))) {
    const overdue = c.deadlineAt <= asOf;
    if (!overdue && shanghaiDate(c.deadlineAt) !== date) continue;
    const d = byDepartment.get(c.department) ?? { department: c.department, date, overdue: [], dueToday: [], title: '', body: '' };
    (overdue ? d.overdue : d.dueToday).push(c);
    byDepartment.set(c.department, d);
  }
  return [...byDepartment.values()]
    .sort((a, b) => a.department.localeCompare(b.department))
    .map((d) => ({
      ...d,
      title: `【每日督办】${d.department} ${date}：已超时 ${d.overdue.length} 项，今日到期 ${d.dueToday.length} 项`,
      body: [
        ...(d.overdue.length ? ['已超时：', ...d.overdue.map(line)] : []),
        ...(d.dueToday.length ? ['今日到期：', ...d.dueToday.map(line)] : []),
      ].join('\n'),
    }));
}
