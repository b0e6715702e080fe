import { ApiProperty } from '@nestjs/swagger';
import type { ProvideInfoCommand } from '@zs/domain';
import { IsText } from '../../../common/validation/text.decorators';

export class IntakeInfoDto {
  @ApiProperty({ maxLength: 2000, description: 'The answer to the open information request' })
  @IsText(2000)
  response!: string;
}

export function toProvideInfoCommand(dto: IntakeInfoDto): ProvideInfoCommand {
  return { response: dto.response };
}
