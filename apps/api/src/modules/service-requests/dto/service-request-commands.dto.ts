import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  SATISFACTION_RATINGS,
  SERVICE_CATEGORIES,
  type RaiseServiceRequestCommand,
  type RateServiceRequestCommand,
  type ResolveServiceRequestCommand,
  type SatisfactionRating,
  type ServiceCategory,
  type TransferServiceRequestCommand,
} from '@zs/domain';
import { IsOptionalText, IsText } from '../../../common/validation/text.decorators';

/** Shape only: who may act, in which status, and the text rules are the workflow's. */
const oneOf = (values: readonly string[]) => ({ message: ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')}` });

/** 企业点单: the bureau records the firm's request and dispatches it to a department. */
export class RaiseServiceRequestDto {
  @ApiProperty({ enum: SERVICE_CATEGORIES, description: 'Sets the time limit to resolve: urgent 48 h, normal 5 days, complex 15 days' })
  @IsIn(SERVICE_CATEGORIES, oneOf(SERVICE_CATEGORIES))
  category!: ServiceCategory;

  @ApiProperty({ maxLength: 2000, example: '用电增容' })
  @IsText(2000)
  title!: string;

  @ApiProperty({ maxLength: 2000, example: '二期产线投产需增容至2000kVA，请协调供电部门' })
  @IsText(2000)
  description!: string;

  @ApiProperty({ maxLength: 2000, example: '自然资源局', description: 'The department the request is dispatched to (承办部门)' })
  @IsText(2000)
  department!: string;
}

export function toRaiseServiceRequestCommand(dto: RaiseServiceRequestDto): RaiseServiceRequestCommand {
  return { category: dto.category, title: dto.title, description: dto.description, department: dto.department };
}

/** A department that does not own the request passes it on; acceptance starts again. */
export class TransferServiceRequestDto {
  @ApiProperty({ maxLength: 2000, example: '供电公司' })
  @IsText(2000)
  toDepartment!: string;

  @ApiProperty({ maxLength: 2000, example: '电力增容不属本局职责' })
  @IsText(2000)
  reason!: string;
}

export function toTransferServiceRequestCommand(dto: TransferServiceRequestDto): TransferServiceRequestCommand {
  return { toDepartment: dto.toDepartment, reason: dto.reason };
}

/** 问题销单. */
export class ResolveServiceRequestDto {
  @ApiProperty({ maxLength: 2000, example: '已完成增容至2000kVA' })
  @IsText(2000)
  resolution!: string;
}

export function toResolveServiceRequestCommand(dto: ResolveServiceRequestDto): ResolveServiceRequestCommand {
  return { resolution: dto.resolution };
}

/** The firm's rating, recorded by the bureau; "unsatisfied" reopens the request. */
export class RateServiceRequestDto {
  @ApiProperty({ enum: SATISFACTION_RATINGS, description: 'unsatisfied reopens the request with a fresh resolve clock; the others close it' })
  @IsIn(SATISFACTION_RATINGS, oneOf(SATISFACTION_RATINGS))
  rating!: SatisfactionRating;

  @ApiPropertyOptional({ maxLength: 2000, example: '雨后仍积水' })
  @IsOptionalText(2000)
  comment?: string;
}

export function toRateServiceRequestCommand(dto: RateServiceRequestDto): RateServiceRequestCommand {
  return dto.comment == null ? { rating: dto.rating } : { rating: dto.rating, comment: dto.comment };
}
