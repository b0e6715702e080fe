import { Inject, Injectable } from '@nestjs/common';
import { isRole, type Role } from '@zs/domain';
import { UserEntity } from '@zs/persistence';
import { DataSource } from 'typeorm';

export type ActiveUser = UserEntity & { role: Role };

/** Reads users; only active users with a role the domain still knows count as existing. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async findActiveByUsername(username: string): Promise<ActiveUser | null> {
    return asActive(await this.dataSource.getRepository(UserEntity).findOneBy({ username }));
  }

  async findActiveById(id: string): Promise<ActiveUser | null> {
    return asActive(await this.dataSource.getRepository(UserEntity).findOneBy({ id }));
  }
}

function asActive(user: UserEntity | null): ActiveUser | null {
  return user && user.active && isRole(user.role) ? (user as ActiveUser) : null;
}
