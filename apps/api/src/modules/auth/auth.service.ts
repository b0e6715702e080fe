import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ApiConfig } from '@zs/config';
import { ERROR_CODES } from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { TokenClaims } from '../../common/auth/token-claims';
import { API_CONFIG } from '../../infrastructure/api-config.provider';
import type { LoginResponseDto } from './dto/login-response.dto';
import type { UserViewDto } from './dto/user-view.dto';
import { hashPassword, verifyPassword } from './password-hasher';
import { toUserView } from './user-view.mapper';
import { UsersRepository } from './users.repository';

const BAD_CREDENTIALS = 'invalid username or password';

@Injectable()
export class AuthService implements OnModuleInit {
  /**
   * Unknown users are checked against this hash too, so a response's timing does not tell
   * an attacker which usernames exist.
   */
  private dummyHash = '';

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashPassword('dummy-password-for-timing-only');
  }

  async login(username: string, password: string): Promise<LoginResponseDto> {
    const user = await this.users.findActiveByUsername(username);
    const ok = await verifyPassword(user?.passwordHash ?? this.dummyHash, password);
    if (!user || !ok) throw new ApiException(ERROR_CODES.UNAUTHENTICATED, BAD_CREDENTIALS);

    const claims: TokenClaims = { sub: user.id, role: user.role, name: user.displayName };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_TTL_SECONDS,
      user: toUserView(user),
    };
  }

  /** The token is valid, but the account may have been deactivated since it was issued. */
  async me(caller: AuthenticatedUser): Promise<UserViewDto> {
    const user = await this.users.findActiveById(caller.id);
    if (!user) throw new ApiException(ERROR_CODES.UNAUTHENTICATED, 'the account behind this token is no longer active');
    return toUserView(user);
  }
}
