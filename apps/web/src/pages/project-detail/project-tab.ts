import type { components } from '../../api/schema';

/** The project as GET /projects/:id answers it. */
export type ProjectView = components['schemas']['ProjectViewDto'];

/**
 * What every tab of 项目详情 receives: the project as last read, and a way to read it again
 * after a step (the page re-reads once, the tab does not keep its own copy of the project).
 */
export interface ProjectTabProps {
  project: ProjectView;
  reload(): Promise<void>;
}
