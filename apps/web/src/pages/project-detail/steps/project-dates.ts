import { shanghaiDate } from '@zs/domain';
import type { ProjectView } from '../project-tab';

/** The longest free text the API takes. */
export const TEXT_MAX = 2000;

/** The registration day (Asia/Shanghai): nothing the project records may be dated before it. */
export const registeredOn = (project: ProjectView): string => shanghaiDate(Date.parse(project.registeredAt));

/** The signing day, once signed: construction, funds and tax are not dated before it. */
export const signedOn = (project: ProjectView): string | null => project.contract?.signedOn ?? null;
