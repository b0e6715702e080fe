import { DomainError, ERROR_CODES } from '../errors';
import { STAGE_LABELS, TERMINAL_STAGES, type Stage } from '../stages';
import { requireDate, shanghaiDate } from './calendar-dates';
import type { ProjectState } from './project-state';

/** The years a recorded date may fall in (issue 10: 0000 and 9999 were accepted). */
export const MIN_STEP_YEAR = 1900;
export const MAX_STEP_YEAR = 2199;

/**
 * A real calendar date in 1900–2199, not after today in Asia/Shanghai; messages name the field
 * and say what is wrong in Chinese (the field code first, as every refusal quotes it).
 */
export function requirePastDate(value: unknown, field: string, label: string, now: number): string {
  try {
    requireDate(value, field);
  } catch {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, `${field}（${label}）须为有效日期 YYYY-MM-DD`, field);
  }
  const date = value as string;
  const year = Number(date.slice(0, 4));
  if (year < MIN_STEP_YEAR || year > MAX_STEP_YEAR) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, `${field}（${label}）的年份须在 ${MIN_STEP_YEAR}–${MAX_STEP_YEAR} 之间`, field);
  }
  if (date > shanghaiDate(now)) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, `${field}（${label}）不能晚于今天`, field);
  return date;
}

/** The project is still open (not completed, terminated, rejected or lost). */
export function requireOpenProject(state: ProjectState, what: string): void {
  if (TERMINAL_STAGES.includes(state.stage)) {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, `项目已处于「${STAGE_LABELS[state.stage]}」（${state.stage}），不能${what}`);
  }
}

/** The project is in one of `stages`. */
export function requireStageIn(state: ProjectState, stages: readonly Stage[], what: string): void {
  if (!stages.includes(state.stage)) {
    const allowed = stages.map((s) => STAGE_LABELS[s]).join('、');
    throw new DomainError(ERROR_CODES.WRONG_STAGE, `项目处于「${STAGE_LABELS[state.stage]}」（${state.stage}），${what}只能在${allowed}阶段办理`);
  }
}
