import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SATISFACTION_RATINGS,
  SERVICE_CATEGORIES,
  SERVICE_STATUSES,
  type SatisfactionRating,
  type ServiceCategory,
  type ServiceStatus,
} from '@zs/domain';
import { PageDtoOf } from '../../../common/http/page.dto';
import { ActorDto, ClockViewDto } from '../../projects/dto/project-view.dto';

export class ServiceTransferViewDto {
  @ApiProperty({ example: '自然资源局' })
  from!: string;

  @ApiProperty({ example: '供电公司' })
  to!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: ActorDto })
  by!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class ServiceResolutionViewDto {
  @ApiProperty()
  resolution!: string;

  @ApiProperty({ type: ActorDto })
  by!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class ServiceRatingViewDto {
  @ApiProperty({ enum: SATISFACTION_RATINGS })
  rating!: SatisfactionRating;

  @ApiProperty({ example: '满意' })
  ratingLabel!: string;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ type: ActorDto })
  by!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** One firm request (企业点单 → 部门接单 → 问题销单 → 评价). */
export class ServiceRequestViewDto {
  @ApiProperty({ format: 'uuid', description: 'The request id' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ example: 'service-request-0b6c…' })
  workflowId!: string;

  @ApiProperty()
  companyName!: string;

  @ApiProperty({ enum: SERVICE_CATEGORIES })
  category!: ServiceCategory;

  @ApiProperty({ example: '一般' })
  categoryLabel!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ description: 'The department the request is with now (承办部门)' })
  department!: string;

  @ApiProperty({ enum: SERVICE_STATUSES })
  status!: ServiceStatus;

  @ApiProperty({ example: '待接单' })
  statusLabel!: string;

  @ApiProperty({ type: ActorDto })
  raisedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  raisedAt!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Last change, when read from the read model' })
  updatedAt?: string;

  @ApiProperty({ type: ActorDto, nullable: true, description: 'Who accepted it (部门接单); null until accepted' })
  acceptedBy!: ActorDto | null;

  @ApiProperty({ type: [ServiceTransferViewDto], description: 'Transfers between departments, oldest first' })
  transfers!: ServiceTransferViewDto[];

  @ApiProperty({ type: [ServiceResolutionViewDto], description: 'Every resolution (more than one after a reopening), oldest first' })
  resolutions!: ServiceResolutionViewDto[];

  @ApiProperty({ type: [ServiceRatingViewDto], description: 'Every rating, oldest first' })
  ratings!: ServiceRatingViewDto[];

  @ApiProperty({ description: 'Times an unsatisfied rating reopened it' })
  reopenCount!: number;

  @ApiProperty({ type: [ClockViewDto], description: 'The acceptance clock (部门接单), then the resolve clock (问题销单) once accepted' })
  clocks!: ClockViewDto[];
}

export const ServiceRequestPageDto = PageDtoOf(ServiceRequestViewDto, 'ServiceRequestPageDto');
