import { PageDtoOf } from '../../../common/http/page.dto';
import { ProjectViewDto } from './project-view.dto';

export const ProjectPageDto = PageDtoOf(ProjectViewDto, 'ProjectPageDto');
