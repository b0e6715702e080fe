import { Body, Controller, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import type { ApiRequest } from '../../common/http/api-request';
import { clientIp } from '../../common/http/client-ip';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { AuthService } from './auth.service';
import { AdminUserActionDto, PasswordResetDto } from './dto/admin-user-action.dto';

/** 账号管理: revoking a user's sessions and resetting a password, for administrators; both audited. */
@ApiTags('admin: users')
@ApiBearerAuth()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly auth: AuthService) {}

  @Post(':id/revoke-tokens')
  @HttpCode(204)
  @RequirePermission('users.manage')
  @ApiOperation({ summary: "Revoke every token of the user at once (security event token.revoked and an admin audit record)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: AdminUserActionDto, required: false })
  @ApiNoContentResponse({ description: 'revoked' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  async revokeTokens(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AdminUserActionDto,
    @CurrentUser() caller: AuthenticatedUser,
    @Req() req: ApiRequest,
  ): Promise<void> {
    await this.auth.revokeTokens(caller, id, body?.reason, clientIp(req));
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @RequirePermission('users.manage')
  @ApiOperation({
    summary:
      'Set a random temporary password (answered once) that must be changed at the next login: until then the token allows only POST /auth/password and logout. Revokes the tokens, clears any lock; audited',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: AdminUserActionDto, required: false })
  @ApiOkResponse({ type: PasswordResetDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  resetPassword(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AdminUserActionDto,
    @CurrentUser() caller: AuthenticatedUser,
    @Req() req: ApiRequest,
  ): Promise<PasswordResetDto> {
    return this.auth.resetPassword(caller, id, body?.reason, clientIp(req));
  }
}
