import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { WEBHOOK_FORMATS, type WebhookFormat } from '@zs/persistence';
import { IsText } from '../../../common/validation/text.decorators';

const oneOf = (values: readonly string[]) => ({ message: ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')}` });

/** http(s) with a host; a local address is allowed (an on-premises receiver, the tests). */
/** Registered in the order they run: the first failure is the one to fix first. */
const IsWebhookUrl = (): PropertyDecorator => (target, key) => {
  IsString({ message: 'url must be a string' })(target, key);
  MaxLength(2000, { message: 'url must be at most 2000 characters' })(target, key);
  IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http:// or https:// URL' })(target, key);
};

const IsSecret = (): PropertyDecorator => (target, key) => {
  IsString({ message: 'secret must be a string' })(target, key);
  MinLength(16, { message: 'secret must be at least 16 characters' })(target, key);
  MaxLength(200, { message: 'secret must be at most 200 characters' })(target, key);
};

export class CreateDepartmentWebhookDto {
  @ApiProperty({ maxLength: 200, example: '项目服务局', description: 'As in users.department' })
  @IsText(200)
  department!: string;

  @ApiProperty({ maxLength: 2000, example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' })
  @IsWebhookUrl()
  url!: string;

  @ApiProperty({ enum: WEBHOOK_FORMATS })
  @IsIn(WEBHOOK_FORMATS, oneOf(WEBHOOK_FORMATS))
  format!: WebhookFormat;

  @ApiPropertyOptional({
    minLength: 16,
    maxLength: 200,
    description: "Signs every post (X-ZS-Signature). Required for dingtalk: the robot's 加签 secret (SEC…). Generated when absent; returned only in this response",
  })
  @ValidateIf((o: CreateDepartmentWebhookDto) => o.format === 'dingtalk' || o.secret !== undefined)
  @IsSecret()
  secret?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

/** Replaces the webhook's department, URL and format; the secret and the active flag change only when given. */
export class UpdateDepartmentWebhookDto {
  @ApiProperty({ maxLength: 200, example: '项目服务局' })
  @IsText(200)
  department!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsWebhookUrl()
  url!: string;

  @ApiProperty({ enum: WEBHOOK_FORMATS })
  @IsIn(WEBHOOK_FORMATS, oneOf(WEBHOOK_FORMATS))
  format!: WebhookFormat;

  @ApiPropertyOptional({ minLength: 16, maxLength: 200, description: 'A new secret (rotation); kept when absent' })
  @IsOptional()
  @IsSecret()
  secret?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class DepartmentWebhookDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '项目服务局' })
  department!: string;

  @ApiProperty({ description: 'Query values masked (robot URLs carry their key there)' })
  url!: string;

  @ApiProperty({ enum: WEBHOOK_FORMATS })
  format!: WebhookFormat;

  @ApiProperty({ example: '企业微信群机器人' })
  formatLabel!: string;

  @ApiProperty({ example: '…9f3a', description: 'The last characters of the secret; the secret itself is never returned after creation' })
  secretHint!: string;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** The creation response: the one time the secret is shown. */
export class CreatedDepartmentWebhookDto extends DepartmentWebhookDto {
  @ApiProperty({ description: 'Store it now: it is not shown again' })
  secret!: string;
}

export class DepartmentWebhookListDto {
  @ApiProperty({ type: [DepartmentWebhookDto] })
  items!: DepartmentWebhookDto[];
}
