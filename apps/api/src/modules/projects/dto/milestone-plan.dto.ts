import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MILESTONE_KINDS, type EstablishPlanCommand, type MilestoneKind, type PlanNodeInput, type RebaselineCommand } from '@zs/domain';
import { IsDateShape, IsOptionalDateShape } from '../../../common/validation/shape.decorators';
import { IsText } from '../../../common/validation/text.decorators';

/** Room for the 9 template nodes and then some; the workflow requires each kind exactly once. */
export const MAX_PLAN_NODES = 20;
export const MAX_NODE_TODOS = 50;
const MAX_TEXT = 2000;

const milestoneKind = { message: ({ property }: { property: string }) => `${property} must be one of: ${MILESTONE_KINDS.join(', ')}` };
const nestedEach = { each: true, message: ({ property }: { property: string }) => `each item of ${property} must be an object` };
const list = { message: ({ property }: { property: string }) => `${property} must be an array` };

export class PlanNodeDto {
  @ApiProperty({ enum: MILESTONE_KINDS })
  @IsIn(MILESTONE_KINDS, milestoneKind)
  kind!: MilestoneKind;

  @ApiProperty({ maxLength: MAX_TEXT, description: 'User id of the person responsible for the node' })
  @IsText(MAX_TEXT)
  responsibleUserId!: string;

  @ApiProperty({ maxLength: MAX_TEXT, example: '刘洋' })
  @IsText(MAX_TEXT)
  responsibleName!: string;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_NODE_TODOS, example: ['提交营业执照申请材料'], description: 'The node\'s to-do items (待办事项), each non-blank' })
  // Checks run bottom-up (stopping at the first failure): the type check sits last.
  @MaxLength(MAX_TEXT, { each: true, message: ({ property }) => `${property} items must be at most ${MAX_TEXT} characters` })
  @Matches(/\S/, { each: true, message: ({ property }) => `${property} must not contain blank items` })
  @IsString({ each: true, message: ({ property }) => `${property} must be a list of strings` })
  @ArrayMaxSize(MAX_NODE_TODOS, { message: ({ property }) => `${property} must have at most ${MAX_NODE_TODOS} items` })
  @IsArray(list)
  @IsOptional()
  todos?: string[];

  @ApiPropertyOptional({ format: 'date', example: '2026-08-08', description: 'Due by the end of this day (Asia/Shanghai), not before signing; defaults to the template date from the contract' })
  @IsOptionalDateShape()
  dueOn?: string;
}

/** 节点计划: shape only; that every template node is listed exactly once is the workflow's rule. */
export class EstablishPlanDto {
  @ApiProperty({ type: [PlanNodeDto], maxItems: MAX_PLAN_NODES, description: `One entry per milestone kind (${MILESTONE_KINDS.join(', ')})` })
  @ValidateNested(nestedEach)
  @Type(() => PlanNodeDto)
  @ArrayMaxSize(MAX_PLAN_NODES, { message: ({ property }) => `${property} must have at most ${MAX_PLAN_NODES} items` })
  @IsArray(list)
  nodes!: PlanNodeDto[];
}

export function toEstablishPlanCommand(dto: EstablishPlanDto): EstablishPlanCommand {
  return {
    nodes: dto.nodes.map(
      (n): PlanNodeInput => ({
        kind: n.kind,
        responsibleUserId: n.responsibleUserId,
        responsibleName: n.responsibleName,
        ...(n.todos != null ? { todos: [...n.todos] } : {}),
        ...(n.dueOn != null ? { dueOn: n.dueOn } : {}),
      }),
    ),
  };
}

export class RebaselineChangeDto {
  @ApiProperty({ enum: MILESTONE_KINDS, description: 'An open (not completed) node' })
  @IsIn(MILESTONE_KINDS, milestoneKind)
  kind!: MilestoneKind;

  @ApiProperty({ format: 'date', example: '2026-10-10', description: 'The new due date, not before signing' })
  @IsDateShape()
  dueOn!: string;
}

/** 计划调整: a new plan version with a reason; earlier versions stay as they were. */
export class RebaselineDto {
  @ApiProperty({ maxLength: MAX_TEXT, example: '施工许可审批延期，整体顺延' })
  @IsText(MAX_TEXT)
  reason!: string;

  @ApiProperty({ type: [RebaselineChangeDto], minItems: 1, maxItems: MAX_PLAN_NODES })
  @ValidateNested(nestedEach)
  @Type(() => RebaselineChangeDto)
  @ArrayMaxSize(MAX_PLAN_NODES, { message: ({ property }) => `${property} must have at most ${MAX_PLAN_NODES} items` })
  @IsArray(list)
  changes!: RebaselineChangeDto[];
}

export function toRebaselineCommand(dto: RebaselineDto): RebaselineCommand {
  return { reason: dto.reason, changes: dto.changes.map((c) => ({ kind: c.kind, dueOn: c.dueOn })) };
}
