import { Body, Controller, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AllowedWhilePasswordChangeRequired } from '../../common/auth/password-change.decorator';
import { Public } from '../../common/auth/public.decorator';
import { LoginRateLimit } from '../../common/http-hardening/rate-limit';
import type { ApiRequest } from '../../common/http/api-request';
import { clientIp } from '../../common/http/client-ip';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { UserViewDto } from './dto/user-view.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @LoginRateLimit()
  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Exchange a username and password for a bearer token. After LOGIN_MAX_FAILURES consecutive failures the account is locked for LOGIN_LOCKOUT_MINUTES; a locked account, an unknown name and a wrong password are answered alike',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: invalid username or password (also while the account is locked)' })
  login(@Body() body: LoginDto, @Req() req: ApiRequest): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password, clientIp(req), body.zone);
  }

  @Post('logout')
  @HttpCode(204)
  @AllowedWhilePasswordChangeRequired()
  @ApiBearerAuth()
  @ApiOperation({ summary: "Sign out: revokes every token of the caller's account (this one included)" })
  @ApiNoContentResponse({ description: 'revoked' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED' })
  async logout(@CurrentUser() caller: AuthenticatedUser, @Req() req: ApiRequest): Promise<void> {
    await this.auth.logout(caller, clientIp(req));
  }

  @Post('password')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @AllowedWhilePasswordChangeRequired()
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change one\'s password (current + new). Policy: at least 10 characters, 3 of 4 classes (lower, upper, digits, other), not containing the username, none of the last 5 passwords. Revokes every earlier token and answers a new one',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming newPassword (the broken rules, in English and Chinese) or currentPassword (wrong; counts as a failed login)' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED' })
  changePassword(@Body() body: ChangePasswordDto, @CurrentUser() caller: AuthenticatedUser, @Req() req: ApiRequest): Promise<LoginResponseDto> {
    return this.auth.changePassword(caller, body.currentPassword, body.newPassword, clientIp(req));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller, as the token identifies them' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiForbiddenResponse({ description: 'PASSWORD_CHANGE_REQUIRED after an administrator reset the password' })
  me(@CurrentUser() caller: AuthenticatedUser): Promise<UserViewDto> {
    return this.auth.me(caller);
  }
}
