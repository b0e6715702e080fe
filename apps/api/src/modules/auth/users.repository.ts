import { Inject, Injectable } from '@nestjs/common';
import { findActiveUserById, findActiveUserByUsername, type ActiveUser, type Database } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';

/** Reads users; only active users with a role the domain still knows count as existing. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  findActiveByUsername(username: string): Promise<ActiveUser | null> {
    return findActiveUserByUsername(this.db, username);
  }

  findActiveById(id: string): Promise<ActiveUser | null> {
    return findActiveUserById(this.db, id);
  }
}
