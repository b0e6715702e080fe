// The users table: sign-in lookups, the department an inbox is read for, and seeding accounts.
import { isRole, type Role } from '@zs/domain';
import type { Database, Queryable } from '../database';
import { UserEntity } from '../entities/user.entity';

/** A user who may act: active, with a role the domain still knows. */
export type ActiveUser = UserEntity & { role: Role };

export async function findActiveUserByUsername(db: Database, username: string): Promise<ActiveUser | null> {
  return asActive(await db.getRepository(UserEntity).findOneBy({ username }));
}

export async function findActiveUserById(db: Database, id: string): Promise<ActiveUser | null> {
  return asActive(await db.getRepository(UserEntity).findOneBy({ id }));
}

/** The user's department as stored now (not as a token says): a transfer between departments takes effect at once. */
export async function userDepartment(db: Database, id: string): Promise<string | null> {
  const user = await db.getRepository(UserEntity).findOne({ where: { id }, select: { id: true, department: true } });
  return user?.department ?? null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  department: string;
  passwordHash: string;
  email: string;
  /** A demo account (known password): only ever seeded into the embedded database. */
  isDemo?: boolean;
}

/** Inserts the user unless the username exists (then it is left untouched, password included); answers whether it was inserted. */
export async function insertUserIfAbsent(db: Queryable, user: NewUser): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO users (username, display_name, role, department, password_hash, email, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (username) DO NOTHING
     RETURNING id`,
    [user.username, user.displayName, user.role, user.department, user.passwordHash, user.email, user.isDemo ?? false],
  );
  return rows.length > 0;
}

function asActive(user: UserEntity | null): ActiveUser | null {
  return user && user.active && isRole(user.role) ? (user as ActiveUser) : null;
}
