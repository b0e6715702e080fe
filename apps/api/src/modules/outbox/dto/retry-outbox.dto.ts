import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalText } from '../../../common/validation/text.decorators';

export class RetryOutboxDto {
  @ApiPropertyOptional({ maxLength: 2000, example: '对方已修复回调地址', description: 'Kept in the admin audit log' })
  @IsOptionalText(2000)
  reason?: string;
}
