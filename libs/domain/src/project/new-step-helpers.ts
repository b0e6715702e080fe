import { DomainError, ERROR_CODES } from '../errors';
import { STAGE_LABELS, TERMINAL_STAGES, type Stage } from '../stages';
import { requireDate, shanghaiDate } from './calendar-dates';
import type { ProjectState } from './project-state';
import { localized, type Localized } from '../i18n/localized';

/** The years a recorded date may fall in (issue 10: 0000 and 9999 were accepted). */
export const MIN_STEP_YEAR = 1900;
export const MAX_STEP_YEAR = 2199;

/**
 * A real calendar date in 1900–2199, not after today in Asia/Shanghai; messages name the field
 * and say what is wrong in Chinese (the field code first, as every refusal quotes it).
 */
export function requirePastDate(value: unknown, field: string, label: Localized, now: number): string {
  try {
    requireDate(value, field);
  } catch {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`${label.zh}须为有效日期 YYYY-MM-DD`, `${label.en} must be a real date YYYY-MM-DD`), field);
  }
  const date = value as string;
  const year = Number(date.slice(0, 4));
  if (year < MIN_STEP_YEAR || year > MAX_STEP_YEAR) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`${label.zh}的年份须在 ${MIN_STEP_YEAR}–${MAX_STEP_YEAR} 之间`, `${label.en} must be in the years ${MIN_STEP_YEAR}–${MAX_STEP_YEAR}`), field);
  }
  if (date > shanghaiDate(now)) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`${label.zh}不能晚于今天`, `${label.en} must not be after today`), field);
  return date;
}

/** The project is still open (not completed, terminated, rejected or lost). */
export function requireOpenProject(state: ProjectState, what: Localized): void {
  if (TERMINAL_STAGES.includes(state.stage)) {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(`项目已处于「${STAGE_LABELS[state.stage]}」阶段，不能${what.zh}`, `cannot ${what.en}: the project is ${state.stage} (${STAGE_LABELS[state.stage]})`));
  }
}

/** The project is in one of `stages`. */
export function requireStageIn(state: ProjectState, stages: readonly Stage[], what: Localized): void {
  if (!stages.includes(state.stage)) {
    const allowed = stages.map((s) => STAGE_LABELS[s]).join('、');
    throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(
      `项目处于「${STAGE_LABELS[state.stage]}」阶段，${what.zh}只能在${allowed}阶段办理`,
      `cannot ${what.en}: the project is ${state.stage} (${STAGE_LABELS[state.stage]}); only in ${stages.join(' or ')}`,
    ));
  }
}
