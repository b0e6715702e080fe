import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { ApiConfig } from '@zs/config';
import { AccountSessions } from '../../common/auth/account-sessions';
import { JwtAuthGuard } from '../../common/auth/jwt-auth.guard';
import { PermissionGuard } from '../../common/auth/permission.guard';
import { API_CONFIG } from '../../infrastructure/api-config.provider';
import { AdminUsersController } from './admin-users.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => {
        // A key object made once: given the string, jsonwebtoken tries it as a public key (and throws)
        // on every request before taking it as a secret, about 1 ms of each request's CPU.
        const key = createSecretKey(Buffer.from(config.JWT_SECRET));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256', expiresIn: config.JWT_TTL_SECONDS },
          // Pinning the algorithm refuses `alg: none` and key-confusion tokens.
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [AuthController, AdminUsersController],
  providers: [
    AuthService,
    AccountSessions,
    // Order matters: authentication first, then the permission check that needs the user.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  // The organisation's account administration drops a changed account's cached session at once.
  exports: [AccountSessions],
})
export class AuthModule {}
