import { ApiProperty } from '@nestjs/swagger';
import type { AssignCommissionerCommand } from '@zs/domain';
import { IsText } from '../../../common/validation/text.decorators';

/** 项目专员: who accompanies the firm through approvals. */
export class AssignCommissionerDto {
  @ApiProperty({ maxLength: 2000, description: 'User id of the commissioner' })
  @IsText(2000)
  commissionerUserId!: string;

  @ApiProperty({ maxLength: 2000, example: '刘洋' })
  @IsText(2000)
  commissionerName!: string;
}

export function toAssignCommissionerCommand(dto: AssignCommissionerDto): AssignCommissionerCommand {
  return { commissionerUserId: dto.commissionerUserId, commissionerName: dto.commissionerName };
}
