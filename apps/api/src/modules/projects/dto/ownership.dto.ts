import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ZhOptionalNullableText, ZhText } from './zh-shape.decorators';

/** 调整项目归属: a new owning officer and/or the campaign the project counts for, with the reason. */
export class ReassignOwnershipDto {
  @ApiPropertyOptional({ format: 'uuid', description: '新的项目负责人（在职用户 id）；其部门与小分队一并计入' })
  @ZhOptionalNullableText('项目负责人', 100)
  ownerUserId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: '计入的招商行动 id；null 表示不计入任何行动；不填则不变' })
  @ZhOptionalNullableText('招商行动', 100)
  campaignId?: string | null;

  @ApiProperty({ maxLength: 2000, example: '原负责人调岗，项目移交招商二局' })
  @ZhText('调整原因')
  reason!: string;
}
