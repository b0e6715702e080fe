import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/public.decorator';
import { ZoneContext } from '../../infrastructure/zones/zone-context';

export class ZoneViewDto {
  @ApiProperty({ example: 'gaoxin', description: '园区代码：登录时的 zone，市领导查看时的 X-ZS-Zone' }) code!: string;
  @ApiProperty({ example: '高新区' }) name!: string;
}

export class ZoneListDto {
  @ApiProperty({ type: [ZoneViewDto], description: '本部署服务的园区，首个为默认园区' }) zones!: ZoneViewDto[];
}

/** Issue 12: which zones this deployment serves (the login page offers them when there are several). */
@ApiTags('zones')
@Controller('zones')
export class ZonesController {
  constructor(private readonly zones: ZoneContext) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The zones served here (code and name), the default first: what POST /auth/login takes as zone and a city role as X-ZS-Zone' })
  @ApiOkResponse({ type: ZoneListDto })
  list(): ZoneListDto {
    return { zones: this.zones.zones.map(({ code, name }) => ({ code, name })) };
  }
}
