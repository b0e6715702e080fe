import { ApiProperty } from '@nestjs/swagger';
import { ProjectViewDto } from './project-view.dto';

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectViewDto] })
  items!: ProjectViewDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
